import * as z from 'zod';

/** One invalid input field: `path` as dotted segments (`items.0.quantity`), `message` for people. */
export const FieldError = z.object({ path: z.string(), message: z.string().min(1) });
export type FieldError = z.infer<typeof FieldError>;

/**
 * An error answer, `application/problem+json` (RFC 9457). Every error of the API has this shape,
 * API Gateway's own answers (unknown route, denied token, throttling) included.
 */
export const Problem = z
  .object({
    type: z.string().default('about:blank'),
    title: z.string().min(1),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldError).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof Problem>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
