/** What an HTTP handler answers: a status, and a JSON body or a body of its own content type. */
export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * A body sent as is with its own content type (e.g. CSV), instead of JSON; `bytes` for a file
   * (a PDF, a wallet pass), which API Gateway gets base64-encoded and decodes for the client.
   */
  raw?: { contentType: string; text: string } | { contentType: string; bytes: Uint8Array };
}

/** An answer other than success that a handler decides on: 404, 409, ... as problem+json. */
export class HttpProblem extends Error {
  override name = 'HttpProblem';
  constructor(
    readonly status: number,
    readonly detail: string,
    /** Members of the problem document besides type, title, status and detail. */
    readonly extra: Record<string, unknown> = {},
    /** Response headers, e.g. `retry-after`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}
