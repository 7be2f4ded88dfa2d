import type { IncomingHttpHeaders } from 'node:http';

/** One request to the AWS edge, already read off the socket. */
export interface EdgeRequest {
  method: string;
  /** URL path without the query string, percent-decoding left to the service. */
  path: string;
  query: URLSearchParams;
  /** Node's lower-cased headers. */
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface EdgeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * An AWS service emulated behind the edge. The edge asks each service in turn whether a request
 * is its own (by X-Amz-Target, signing scope or path), so adding one needs no change to the edge.
 */
export interface AwsService {
  /** The service's signing name, e.g. `lambda`, `events`, `states`. */
  readonly name: string;
  accepts(request: EdgeRequest): boolean;
  handle(request: EdgeRequest): Promise<EdgeResponse>;
}

/** An error as AWS reports it: a code (`ResourceNotFoundException`), a message and a status. */
export class AwsError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/** The service name in a SigV4 `Authorization` header's credential scope, if signed. */
export const signingName = (headers: IncomingHttpHeaders): string | undefined =>
  /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(headers.authorization ?? '')?.[1];

/** The access key id a SigV4 request is signed with, if signed: who is calling. */
export const signingAccessKeyId = (headers: IncomingHttpHeaders): string | undefined =>
  /Credential=([^/]+)\//.exec(headers.authorization ?? '')?.[1];

/** The `X-Amz-Target` header of the JSON protocols, split into prefix and operation. */
export const amzTarget = (
  headers: IncomingHttpHeaders,
): { prefix: string; operation: string } | undefined => {
  const target = headers['x-amz-target'];
  if (typeof target !== 'string') return undefined;
  const dot = target.lastIndexOf('.');
  return dot < 0 ? undefined : { prefix: target.slice(0, dot), operation: target.slice(dot + 1) };
};
