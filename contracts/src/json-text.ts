import * as z from 'zod';

/** A string holding JSON, parsed and then checked with `shape` (what travels or is kept as text). */
export const jsonText = <T extends z.ZodType>(shape: T, what = 'a JSON document') =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: `must be ${what}` });
        return z.NEVER;
      }
    })
    .pipe(shape);
