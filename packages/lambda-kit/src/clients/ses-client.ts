import { SESv2Client } from '@aws-sdk/client-sesv2';
import { traced } from '../tracing.ts';
import { oncePerContainer } from './once-per-container.ts';

/** The container's traced SESv2Client: X-Ray sees every call. */
export const sesClient = oncePerContainer(() => traced(new SESv2Client({})));
