import type { FunctionErrorPayload } from './worker-protocol.ts';

/**
 * What an asynchronous invocation that finally failed leaves in its on-failure destination, in the
 * shape of AWS's destination invocation record.
 */
export interface DeadLetter {
  version: '1.0';
  timestamp: string;
  requestContext: {
    requestId: string;
    functionArn: string;
    condition: 'RetriesExhausted' | 'EventAgeExceeded';
    approximateInvokeCount: number;
  };
  requestPayload: unknown;
  responseContext: { statusCode: 200; executedVersion: '$LATEST'; functionError: 'Unhandled' };
  responsePayload: FunctionErrorPayload;
}
