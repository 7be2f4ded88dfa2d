import * as z from 'zod';

const scalar = z.union([z.string(), z.number(), z.boolean()]).transform(String);

/** A Lambda proxy integration's answer, as API Gateway accepts it; anything else is a 502. */
export const ProxyResult = z.object({
  statusCode: z.coerce.number().int().min(100).max(599),
  headers: z.record(z.string(), scalar).nullish(),
  multiValueHeaders: z.record(z.string(), z.array(scalar)).nullish(),
  body: z.string().nullish(),
  isBase64Encoded: z.boolean().nullish(),
});

export interface HttpAnswer {
  status: number;
  /** Header name -> values; names keep the handler's spelling. */
  headers: Record<string, string[]>;
  body: Buffer;
}

/**
 * The HTTP response API Gateway makes of a proxy result: `headers` and `multiValueHeaders` merged
 * (for a name in both, only the multi-value list), a base64 body decoded, and
 * `Content-Type: application/json` when the handler names none.
 */
export const httpAnswerOf = (payload: unknown): HttpAnswer | undefined => {
  const parsed = ProxyResult.safeParse(payload);
  if (!parsed.success) return undefined;
  const result = parsed.data;
  const headers: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = [value];
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {}))
    headers[name] = values;
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = ['application/json'];
  }
  const body = Buffer.from(result.body ?? '', result.isBase64Encoded ? 'base64' : 'utf8');
  return { status: result.statusCode, headers, body };
};
