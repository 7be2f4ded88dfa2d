import { type FieldError, PROBLEM_CONTENT_TYPE, type Problem } from '@mytabs/contracts/api/problem';
import type { APIGatewayProxyResult } from 'aws-lambda';
import type * as z from 'zod';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
};

/**
 * An error answer in `application/problem+json` (RFC 9457). Extension members come before
 * `status` and `detail`, so none can replace the numeric status a client reads.
 */
export const problemResponse = (
  status: number,
  detail: string,
  extra: Partial<Problem> & Record<string, unknown> = {},
  headers: Record<string, string> = {},
): APIGatewayProxyResult => ({
  statusCode: status,
  headers: { 'content-type': PROBLEM_CONTENT_TYPE, ...headers },
  body: JSON.stringify({
    type: 'about:blank',
    title: TITLES[status] ?? 'Error',
    ...extra,
    status,
    detail,
  }),
});

/** zod issues as the API reports them: dotted paths under the part they came from. */
export const fieldErrors = (error: z.ZodError, prefix: string): FieldError[] =>
  error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));

/** A JSON answer; without a body (a 204), no content type either. */
export const jsonResponse = (
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): APIGatewayProxyResult =>
  body === undefined
    ? { statusCode: status, headers, body: '' }
    : {
        statusCode: status,
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      };
