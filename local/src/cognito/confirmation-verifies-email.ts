import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { attribute, attributesAppend } from './cognito-local-modules.ts';

/**
 * Cognito verifies the address a sign-up's code went to when the user confirms with that code: in
 * a pool that auto-verifies email, `email_verified` is "true" from ConfirmSignUp on, and the
 * post-confirmation trigger already sees it. cognito-local confirms without verifying anything, so
 * the right code verifies the email here, just before cognito-local confirms (and runs the trigger).
 */
export const verifyEmailOnConfirmation = async (
  ctx: Context,
  services: Services,
  target: string,
  input: Record<string, unknown>,
) => {
  const { ClientId, Username, ConfirmationCode } = input;
  if (target !== 'ConfirmSignUp' || typeof ClientId !== 'string') return;
  if (typeof Username !== 'string' || typeof ConfirmationCode !== 'string') return;
  const pool = await services.cognito.getUserPoolForClientId(ctx, ClientId);
  if (!pool.options.AutoVerifiedAttributes?.includes('email')) return;
  const user = await pool.getUserByUsername(ctx, Username);
  if (!user?.ConfirmationCode || user.ConfirmationCode !== ConfirmationCode) return;
  await pool.saveUser(ctx, {
    ...user,
    Attributes: attributesAppend(user.Attributes, attribute('email_verified', 'true')),
  });
};
