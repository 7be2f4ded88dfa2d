import type { core } from 'zod';
import * as z from 'zod';
import { StripeApiError } from './errors.ts';
import type { FormObject } from './form-decoding.ts';

/**
 * Zod schemas for form-encoded Stripe parameters (every value arrives as a string), and the
 * translation of a failed parse into the error Stripe answers for the same mistake.
 */

const INTEGER = 'parameter_invalid_integer';
const BOOLEAN = 'invalid boolean';

export const formInt = z
  .string()
  .regex(/^-?\d+$/, { error: INTEGER })
  .transform(Number);

export const formPositiveInt = formInt.pipe(
  z.number().int().min(1, { error: 'This value must be greater than or equal to 1.' }),
);

export const formBool = z
  .enum(['true', 'false'], { error: BOOLEAN })
  .transform((v) => v === 'true');

export const currency = z
  .string()
  .regex(/^[A-Za-z]{3}$/, { error: 'Invalid currency' })
  .transform((c) => c.toLowerCase());

/** Metadata: up to 50 keys of 40 characters, values of 500; an empty string unsets it all. */
export const metadata = z.union([
  z.literal(''),
  z
    .record(
      z.string().max(40, { error: 'Metadata keys can be at most 40 characters.' }),
      z.string().max(500, { error: 'Metadata values can be at most 500 characters.' }),
    )
    .refine((m) => Object.keys(m).length <= 50, {
      error: 'You can specify up to 50 keys in metadata.',
    }),
]);

export const expand = z.array(z.string()).optional();

/** An address as Stripe takes one in a parameter; empty strings unset a line. */
export const address = z.strictObject({
  city: z.string().optional(),
  country: z.string().regex(/^[A-Za-z]{2}$/, { error: 'Invalid country' }),
  line1: z.string().optional(),
  line2: z.string().optional(),
  postal_code: z.string().optional(),
  state: z.string().optional(),
});

const paramName = (path: readonly PropertyKey[]) =>
  path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join('');

const list = (values: readonly unknown[]) =>
  values.length < 2
    ? values.join('')
    : `${values.slice(0, -1).join(', ')}, or ${String(values[values.length - 1])}`;

const toStripeError = (issue: core.$ZodIssue): StripeApiError => {
  const param = paramName(issue.path);
  const fail = (message: string, code?: string, at = param) =>
    new StripeApiError(
      400,
      { type: 'invalid_request_error', message, ...(code ? { code } : {}), param: at },
      true,
    );
  if (issue.code === 'unrecognized_keys') {
    const at = paramName([...issue.path, issue.keys[0] ?? '']);
    return fail(`Received unknown parameter: ${at}`, 'parameter_unknown', at);
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return fail(`Missing required param: ${param}.`, 'parameter_missing');
  }
  if (issue.message === INTEGER) return fail(`Invalid integer: ${issue.input}`, INTEGER);
  if (issue.message === BOOLEAN) {
    return fail(`Invalid boolean: ${issue.input}`);
  }
  if (issue.code === 'invalid_value') {
    return fail(`Invalid ${param}: must be one of ${list(issue.values)}`);
  }
  if (issue.code === 'invalid_union') {
    // The last alternative is the general shape (metadata: '' or an object): report against it.
    const inner = issue.errors[issue.errors.length - 1]?.[0];
    if (inner) return toStripeError({ ...inner, path: [...issue.path, ...inner.path] });
  }
  if (issue.code === 'invalid_type') {
    return fail(`Invalid ${issue.expected}: ${param}`);
  }
  return fail(issue.message);
};

/** Parses a request's parameters, answering the first problem as Stripe would (400 with `param`). */
export const parseParams = <Schema extends z.ZodType>(schema: Schema, params: FormObject) => {
  const result = schema.safeParse(params, { reportInput: true });
  if (result.success) return result.data as z.output<Schema>;
  // Stripe names a parameter it does not know before checking the ones it does.
  const { issues } = result.error;
  const issue = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  if (!issue) throw new Error('zod reported a failure without an issue');
  throw toStripeError(issue);
};
