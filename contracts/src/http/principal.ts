import * as z from 'zod';
import { Role } from '../access/business-roles.ts';
import { jsonText } from '../json-text.ts';

/**
 * Who the authorizer let in, as it passes them in `requestContext.authorizer`. API Gateway allows
 * only flat string/number/boolean values there and hands them to the integration as strings, so
 * lists travel JSON-encoded and flags as `'true'`/`'false'`.
 */
const jsonList = <T extends z.ZodType>(item: T) => jsonText(z.array(item), 'a JSON-encoded list');

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((s) => s === 'true')]);

export const Membership = z.object({
  businessId: z.string(),
  role: Role,
});
export type Membership = z.infer<typeof Membership>;

export const AuthorizerContext = z.discriminatedUnion('principalType', [
  z.object({
    principalType: z.literal('user'),
    userId: z.string().min(1),
    email: z.string().optional(),
    /** The user pool has verified `email` belongs to this user: only then does it prove anything. */
    emailVerified: flag.default(false),
    groups: jsonList(z.string()),
    memberships: jsonList(Membership),
  }),
  z.object({ principalType: z.literal('order'), orderId: z.string().min(1) }),
  /** No token at all, on a route whose token is optional (`public-or-user`). */
  z.object({ principalType: z.literal('anonymous') }),
]);
export type AuthorizerPrincipal = z.infer<typeof AuthorizerContext>;
export type Principal = Exclude<AuthorizerPrincipal, { principalType: 'anonymous' }>;
export type UserPrincipal = Extract<Principal, { principalType: 'user' }>;

/** The flat context an authorizer returns for a principal (the inverse of the parse above). */
export const toAuthorizerContext = (principal: AuthorizerPrincipal): Record<string, string> => {
  switch (principal.principalType) {
    case 'user':
      return {
        principalType: 'user',
        userId: principal.userId,
        ...(principal.email && { email: principal.email }),
        emailVerified: String(principal.emailVerified),
        groups: JSON.stringify(principal.groups),
        memberships: JSON.stringify(principal.memberships),
      };
    case 'order':
      return { principalType: 'order', orderId: principal.orderId };
    case 'anonymous':
      return { principalType: 'anonymous' };
  }
};
