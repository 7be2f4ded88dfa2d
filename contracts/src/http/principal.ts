import { z } from 'zod';

/**
 * Who the authorizer let in, as it passes them in `requestContext.authorizer`. API Gateway allows
 * only flat string/number/boolean values there, so lists travel JSON-encoded.
 */
const jsonList = <T extends z.ZodType>(item: T) =>
  z
    .string()
    .transform((s, ctx) => {
      try {
        return JSON.parse(s) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON-encoded list' });
        return z.NEVER;
      }
    })
    .pipe(z.array(item));

export const Membership = z.object({
  businessId: z.string(),
  role: z.enum(['owner', 'staff']),
});
export type Membership = z.infer<typeof Membership>;

export const AuthorizerContext = z.discriminatedUnion('principalType', [
  z.object({
    principalType: z.literal('user'),
    userId: z.string().min(1),
    email: z.string().optional(),
    groups: jsonList(z.string()),
    memberships: jsonList(Membership),
  }),
  z.object({ principalType: z.literal('order'), orderId: z.string().min(1) }),
]);
export type Principal = z.infer<typeof AuthorizerContext>;
export type UserPrincipal = Extract<Principal, { principalType: 'user' }>;

/** The flat context an authorizer returns for a principal (the inverse of the parse above). */
export const toAuthorizerContext = (principal: Principal): Record<string, string> =>
  principal.principalType === 'user'
    ? {
        principalType: 'user',
        userId: principal.userId,
        ...(principal.email && { email: principal.email }),
        groups: JSON.stringify(principal.groups),
        memberships: JSON.stringify(principal.memberships),
      }
    : { principalType: 'order', orderId: principal.orderId };
