/**
 * The largest request body the API takes, in bytes, on AWS (the WAF blocks larger ones) and on
 * `npm start` alike. Our own bodies are a few KB; Stripe's signed webhook events are the largest
 * (often over 8 KB), and 64 KB is as much as the WAF can inspect of a body.
 */
export const MAX_REQUEST_BODY_BYTES = 64 * 1024;

/** Bodies are JSON: `application/json` or a `+json` type, with any parameters (`charset`). */
export const isJsonMediaType = (contentType: string | undefined) => {
  const type = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
};

/**
 * The answer to a body over the limit where no function runs (the WAF on AWS, the API server
 * locally). The WAF's custom answers can only be `application/json`, so that is what both send.
 */
export const bodyTooLargeAnswer = {
  status: 413,
  contentType: 'application/json',
  body: JSON.stringify({
    type: 'about:blank',
    title: 'Content Too Large',
    status: 413,
    detail: `Request bodies are at most ${MAX_REQUEST_BODY_BYTES} bytes.`,
  }),
} as const;
