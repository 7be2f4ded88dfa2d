import { PROBLEM_CONTENT_TYPE, type Problem } from '@mytabs/contracts/api/problem';
import { restApi } from './rest-api.ts';

/**
 * API Gateway's own answers, configured as gateway responses in problem+json (RFC 9457). Each
 * keeps API Gateway's status (except the unknown route: 404 by design rather than AWS's 403
 * "Missing Authentication Token") and its `x-amzn-ErrorType`.
 */
export const gatewayResponses = {
  DEFAULT_4XX: {
    status: 400,
    title: 'Bad Request',
    errorType: 'BadRequestException',
    detail: 'The request target is not a path this API can read.',
  },
  MISSING_AUTHENTICATION_TOKEN: {
    status: 404,
    title: 'Not Found',
    errorType: 'MissingAuthenticationTokenException',
    detail: 'No route matches this method and path.',
  },
  UNAUTHORIZED: {
    status: 401,
    title: 'Unauthorized',
    errorType: 'UnauthorizedException',
    detail: 'A valid token is required.',
  },
  ACCESS_DENIED: {
    status: 403,
    title: 'Forbidden',
    errorType: 'AccessDeniedException',
    detail: 'User is not authorized to access this resource.',
  },
  AUTHORIZER_CONFIGURATION_ERROR: {
    status: 500,
    title: 'Internal Server Error',
    errorType: 'AuthorizerConfigurationException',
    detail: 'The authorizer failed or answered in a form API Gateway does not accept.',
  },
  REQUEST_TOO_LARGE: {
    status: 413,
    title: 'Content Too Large',
    errorType: 'RequestTooLongException',
    detail: `The request body exceeds API Gateway's limit of ${restApi.maxPayloadBytes} bytes.`,
  },
  DEFAULT_5XX: {
    status: 502,
    title: 'Bad Gateway',
    errorType: 'InternalServerErrorException',
    detail: 'The integration failed: it threw, timed out or answered a malformed response.',
  },
  /**
   * An error of the local platform itself, not of a function: answered for that one request, which
   * is logged, while the platform goes on serving the others. AWS has no such answer.
   */
  PLATFORM_ERROR: {
    status: 500,
    title: 'Internal Server Error',
    errorType: 'InternalFailure',
    detail: 'The local platform failed to handle this request; its log has the details.',
  },
} as const;

export type GatewayResponseType = keyof typeof gatewayResponses;

/** A gateway response body: the contracts' Problem, plus the request id to quote in a report. */
export type GatewayProblem = Problem & { requestId: string };

export const gatewayProblem = (
  type: GatewayResponseType,
  request: { requestId: string; path: string },
): { status: number; headers: Record<string, string>; body: string } => {
  const response = gatewayResponses[type];
  // `about:blank` with the status's own title, like the handlers' problems: the status says it all.
  const problem: GatewayProblem = {
    type: 'about:blank',
    title: response.title,
    status: response.status,
    detail: response.detail,
    instance: request.path,
    requestId: request.requestId,
  };
  return {
    status: response.status,
    headers: {
      'content-type': PROBLEM_CONTENT_TYPE,
      'x-amzn-errortype': response.errorType,
    },
    body: JSON.stringify(problem),
  };
};
