import { LambdaClient } from '@aws-sdk/client-lambda';
import { traced } from '../tracing.ts';
import { oncePerContainer } from './once-per-container.ts';

/** The container's traced LambdaClient: X-Ray sees every call. */
export const lambdaClient = oncePerContainer(() => traced(new LambdaClient({})));
