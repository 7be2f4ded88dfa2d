import { AwsError } from '../edge/aws-service.ts';
import type { LocalLambda } from '../lambda/local-lambda.ts';
import type { InvokeFunction } from './function-invoker.ts';

/**
 * The API's invoker on the platform's local Lambda. The API invokes as API Gateway does, as no
 * service (the route or authorizer wiring is the permission); a refused invoke (e.g. an event over
 * Lambda's 6 MB payload limit) fails the integration like a function error.
 */
export const localLambdaInvoker =
  (lambda: LocalLambda): InvokeFunction =>
  async (functionName, event, traceHeader) => {
    try {
      const response = await lambda.invoke({
        functionName,
        payload: JSON.stringify(event),
        traceHeader,
      });
      const payload: unknown = JSON.parse(response.payload);
      if (!response.functionError) return { ok: true, payload };
      const error = payload as { errorType?: string; errorMessage?: string };
      return {
        ok: false,
        errorType: error.errorType ?? 'Error',
        errorMessage: error.errorMessage ?? '',
      };
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      return { ok: false, errorType: error.code, errorMessage: error.message };
    }
  };
