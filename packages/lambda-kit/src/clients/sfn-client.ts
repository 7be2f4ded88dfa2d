import { SFNClient } from '@aws-sdk/client-sfn';
import { traced } from '../tracing.ts';
import { oncePerContainer } from './once-per-container.ts';

/** The container's traced SFNClient: X-Ray sees every call. */
export const sfnClient = oncePerContainer(() => traced(new SFNClient({})));
