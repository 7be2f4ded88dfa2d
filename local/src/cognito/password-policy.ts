import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { AwsError } from '../edge/aws-service.ts';

// Cognito's special characters, per its password requirements.
const symbols = new Set('^$*.[]{}()?"!@#%&/\\,><\':;|_~`=+- ');

type PasswordPolicy = NonNullable<
  NonNullable<
    Awaited<ReturnType<Services['cognito']['getUserPool']>>['options']['Policies']
  >['PasswordPolicy']
>;

const violation = (policy: PasswordPolicy, password: string) => {
  if (password.length < (policy.MinimumLength ?? 8)) return 'Password not long enough';
  const chars = [...password];
  if (policy.RequireLowercase && !chars.some((c) => c !== c.toUpperCase())) {
    return 'Password must have lowercase characters';
  }
  if (policy.RequireUppercase && !chars.some((c) => c !== c.toLowerCase())) {
    return 'Password must have uppercase characters';
  }
  if (policy.RequireNumbers && !chars.some((c) => c >= '0' && c <= '9')) {
    return 'Password must have numeric characters';
  }
  if (policy.RequireSymbols && !chars.some((c) => symbols.has(c))) {
    return 'Password must have symbol characters';
  }
  return undefined;
};

/** Where each operation carries a new password, and how to find its pool. */
const passwordFields: Record<string, { password: string; pool: 'ClientId' | 'UserPoolId' }> = {
  SignUp: { password: 'Password', pool: 'ClientId' },
  ConfirmForgotPassword: { password: 'Password', pool: 'ClientId' },
  AdminSetUserPassword: { password: 'Password', pool: 'UserPoolId' },
  AdminCreateUser: { password: 'TemporaryPassword', pool: 'UserPoolId' },
};

/**
 * Cognito refuses a new password that breaks the pool's policy; cognito-local stores any. Throws
 * Cognito's InvalidPasswordException for such a request, before it reaches cognito-local.
 */
export const enforcePasswordPolicy = async (
  ctx: Context,
  services: Services,
  target: string,
  input: Record<string, unknown>,
) => {
  const fields = passwordFields[target];
  if (!fields) return;
  const password = input[fields.password];
  const poolKey = input[fields.pool];
  if (typeof password !== 'string' || typeof poolKey !== 'string') return;
  const pool =
    fields.pool === 'ClientId'
      ? await services.cognito.getUserPoolForClientId(ctx, poolKey)
      : await services.cognito.getUserPool(ctx, poolKey);
  const policy = pool.options.Policies?.PasswordPolicy;
  const problem = policy && violation(policy, password);
  if (problem) {
    throw new AwsError(
      'InvalidPasswordException',
      `Password did not conform with policy: ${problem}`,
    );
  }
};
