import * as z from 'zod';

const oneOrMany = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]));

const Statement = z.object({
  Effect: z.enum(['Allow', 'Deny']),
  Action: oneOrMany,
  Resource: oneOrMany,
});

/** An authorizer's policy document, as API Gateway reads it (case-sensitive keys). */
export const PolicyDocument = z.object({
  Version: z.string(),
  Statement: z.array(Statement).min(1),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

/** IAM wildcards: `*` any run of characters (including `/`), `?` any one character. */
const wildcard = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
  );

const matchesAny = (patterns: readonly string[], value: string) =>
  patterns.some((p) => wildcard(p).test(value));

/**
 * IAM's evaluation for `execute-api:Invoke` on one method ARN: an explicit Deny wins, then an
 * Allow grants, and anything not allowed is denied.
 */
export const policyAllows = (policy: PolicyDocument, arn: string) => {
  const applies = policy.Statement.filter(
    (s) => matchesAny(s.Action, 'execute-api:Invoke') && matchesAny(s.Resource, arn),
  );
  if (applies.some((s) => s.Effect === 'Deny')) return false;
  return applies.some((s) => s.Effect === 'Allow');
};
