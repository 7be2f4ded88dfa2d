import { PROBLEM_CONTENT_TYPE } from '@mytabs/contracts/api/problem';
import { GatewayResponse, type IRestApi, ResponseType } from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';

interface Problem {
  type: ResponseType;
  status: number;
  title: string;
  /** A fixed explanation where API Gateway's own message would mislead the client. */
  detail?: string;
}

/**
 * API Gateway's own answers, as RFC 9457 problems like the handlers' errors. An unknown route
 * answers 404 (API Gateway calls it a missing authentication token).
 */
export const problems: readonly Problem[] = [
  { type: ResponseType.DEFAULT_4XX, status: 400, title: 'Bad Request' },
  { type: ResponseType.DEFAULT_5XX, status: 500, title: 'Internal Server Error' },
  { type: ResponseType.BAD_REQUEST_BODY, status: 400, title: 'Bad Request' },
  { type: ResponseType.BAD_REQUEST_PARAMETERS, status: 400, title: 'Bad Request' },
  { type: ResponseType.UNAUTHORIZED, status: 401, title: 'Unauthorized' },
  { type: ResponseType.EXPIRED_TOKEN, status: 401, title: 'Unauthorized' },
  { type: ResponseType.ACCESS_DENIED, status: 403, title: 'Forbidden' },
  { type: ResponseType.WAF_FILTERED, status: 403, title: 'Forbidden' },
  {
    type: ResponseType.MISSING_AUTHENTICATION_TOKEN,
    status: 404,
    title: 'Not Found',
    detail: 'No route matches this method and path',
  },
  { type: ResponseType.RESOURCE_NOT_FOUND, status: 404, title: 'Not Found' },
  { type: ResponseType.REQUEST_TOO_LARGE, status: 413, title: 'Content Too Large' },
  { type: ResponseType.UNSUPPORTED_MEDIA_TYPE, status: 415, title: 'Unsupported Media Type' },
  { type: ResponseType.THROTTLED, status: 429, title: 'Too Many Requests' },
  { type: ResponseType.QUOTA_EXCEEDED, status: 429, title: 'Too Many Requests' },
  { type: ResponseType.AUTHORIZER_FAILURE, status: 500, title: 'Internal Server Error' },
  {
    type: ResponseType.AUTHORIZER_CONFIGURATION_ERROR,
    status: 500,
    title: 'Internal Server Error',
  },
  { type: ResponseType.INTEGRATION_FAILURE, status: 502, title: 'Bad Gateway' },
  { type: ResponseType.INTEGRATION_TIMEOUT, status: 504, title: 'Gateway Timeout' },
];

/** The mapping template of one problem (VTL; `messageString` is already a quoted JSON string). */
export const problemTemplate = (p: Problem) =>
  `{"type":"about:blank","title":"${p.title}","status":${p.status},"detail":${
    p.detail ? JSON.stringify(p.detail) : '$context.error.messageString'
  },"instance":"$context.path","requestId":"$context.requestId"}`;

/** Every entry of `problems` as a gateway response of the API. */
export class ProblemResponses extends Construct {
  constructor(scope: Construct, id: string, restApi: IRestApi) {
    super(scope, id);
    for (const p of problems) {
      const template = problemTemplate(p);
      new GatewayResponse(this, p.type.responseType, {
        restApi,
        type: p.type,
        statusCode: String(p.status),
        responseHeaders: { 'Content-Type': `'${PROBLEM_CONTENT_TYPE}'` },
        // API Gateway picks a template by the client's Accept header, application/json by default.
        templates: { 'application/json': template, [PROBLEM_CONTENT_TYPE]: template },
      });
    }
  }
}
