import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { traced } from '../tracing.ts';
import { oncePerContainer } from './once-per-container.ts';

/** The container's traced EventBridgeClient: X-Ray sees every call. */
export const eventBridgeClient = oncePerContainer(() => traced(new EventBridgeClient({})));
