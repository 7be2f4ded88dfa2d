import type { TokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';

/**
 * cognito-local writes `email_verified` into ID tokens as `Boolean(attribute)`, so the attribute
 * "false" (an address changed and not yet confirmed) becomes `true`. Cognito says `false`. The
 * generator sees the attribute only when it is "true", and turns its absence into `false`.
 */
export const withEmailVerifiedAsCognito = (generator: TokenGenerator): TokenGenerator => ({
  generate: (ctx, user, ...rest) =>
    generator.generate(
      ctx,
      {
        ...user,
        Attributes: user.Attributes.filter(
          (a) => a.Name !== 'email_verified' || a.Value === 'true',
        ),
      },
      ...rest,
    ),
});
