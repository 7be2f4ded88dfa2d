import type { UserPoolPlan } from '@mytabs/plan';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { CognitoService } from 'cognito-local/lib/services/index.js';
import type { UserPool } from 'cognito-local/lib/services/userPoolService.js';
import { ACCOUNT, localArns, REGION } from '../naming.ts';
import { userPoolClientId, userPoolId } from './pool-ids.ts';

export interface ProvisionedPool {
  service: string;
  name: string;
  id: string;
  clients: Array<{ name: string; id: string }>;
  groups: string[];
}

const usernameAttributes = {
  email: 'email',
  phone: 'phone_number',
} as const;

const authFlows = {
  userPassword: 'ALLOW_USER_PASSWORD_AUTH',
  userSrp: 'ALLOW_USER_SRP_AUTH',
  adminUserPassword: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  custom: 'ALLOW_CUSTOM_AUTH',
} as const;

const oAuthFlows = { authorizationCodeGrant: 'code', implicitCodeGrant: 'implicit' } as const;

/**
 * The pool's options as the CDK app configures it. MFA stays off locally (cognito-local has no
 * MFA settings), so a manifest's `optional` or `required` does not block password sign-in here.
 */
const poolOptions = ({ name, spec, triggers }: UserPoolPlan, id: string, now: Date): UserPool => {
  const signIn = spec.signInWith.flatMap((s) => (s === 'username' ? [] : [usernameAttributes[s]]));
  const policy = spec.passwordPolicy;
  return {
    Id: id,
    Name: name,
    Arn: `arn:aws:cognito-idp:${REGION}:${ACCOUNT}:userpool/${id}`,
    CreationDate: now,
    LastModifiedDate: now,
    ...(signIn.length > 0 ? { UsernameAttributes: signIn } : {}),
    AutoVerifiedAttributes: signIn.length > 0 ? signIn : ['email'],
    MfaConfiguration: 'OFF',
    UserAttributeUpdateSettings: {
      AttributesRequireVerificationBeforeUpdate: spec.keepOriginalUntilVerified.map(
        (a) => usernameAttributes[a],
      ),
    },
    Policies: {
      PasswordPolicy: {
        MinimumLength: policy.minLength,
        RequireLowercase: policy.requireLowercase,
        RequireUppercase: policy.requireUppercase,
        RequireNumbers: policy.requireDigits,
        RequireSymbols: policy.requireSymbols,
        TemporaryPasswordValidityDays: 7,
      },
    },
    LambdaConfig: {
      ...(triggers.postConfirmation
        ? { PostConfirmation: localArns.function(triggers.postConfirmation) }
        : {}),
      ...(triggers.preTokenGeneration
        ? { PreTokenGeneration: localArns.function(triggers.preTokenGeneration) }
        : {}),
    },
  };
};

/**
 * Creates each manifest's user pool, groups and clients with stable ids, or brings an existing
 * pool (from `--data-dir`) up to date with its manifest, keeping its users and memberships.
 */
export const provisionPools = async (
  ctx: Context,
  cognito: CognitoService,
  pool: UserPoolPlan | undefined,
): Promise<ProvisionedPool[]> => {
  const provisioned: ProvisionedPool[] = [];
  const now = new Date();
  for (const plan of pool ? [pool] : []) {
    const { spec } = plan;
    const id = userPoolId(plan.name);
    // getUserPool throws synchronously for an unknown id; the list tells whether it exists.
    const existing = (await cognito.listUserPools(ctx)).find((p) => p.Id === id);
    const options = poolOptions(plan, id, now);
    if (existing) {
      await (await cognito.getUserPool(ctx, id)).updateOptions(ctx, {
        ...existing,
        ...options,
        CreationDate: existing.CreationDate ?? now,
      });
    } else {
      await cognito.createUserPool(ctx, options);
    }
    const pool = await cognito.getUserPool(ctx, id);
    const groups = new Set((await pool.listGroups(ctx)).map((g) => g.GroupName));
    for (const group of spec.groups) {
      if (!groups.has(group)) {
        await pool.saveGroup(ctx, { GroupName: group, CreationDate: now, LastModifiedDate: now });
      }
    }
    const clients = [];
    for (const client of spec.clients) {
      const clientId = userPoolClientId(plan.name, client.name);
      const previous = await cognito.getAppClient(ctx, clientId);
      await pool.saveAppClient(ctx, {
        UserPoolId: id,
        ClientName: client.name,
        ClientId: clientId,
        CreationDate: previous?.CreationDate ?? now,
        LastModifiedDate: now,
        ExplicitAuthFlows: [
          ...client.authFlows.map((f) => authFlows[f]),
          'ALLOW_REFRESH_TOKEN_AUTH',
        ],
        ...(client.oAuth
          ? {
              AllowedOAuthFlowsUserPoolClient: true,
              AllowedOAuthFlows: client.oAuth.flows.map((f) => oAuthFlows[f]),
              AllowedOAuthScopes: client.oAuth.scopes,
              CallbackURLs: client.oAuth.callbackUrls,
              LogoutURLs: client.oAuth.logoutUrls,
            }
          : {}),
        // Cognito's defaults: one hour for ID and access tokens, 30 days for refresh tokens.
        AccessTokenValidity: 60,
        IdTokenValidity: 60,
        RefreshTokenValidity: 30,
        TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
      });
      clients.push({ name: client.name, id: clientId });
    }
    provisioned.push({
      service: plan.service,
      name: plan.name,
      id,
      clients,
      groups: spec.groups,
    });
  }
  return provisioned;
};
