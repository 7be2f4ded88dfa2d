import type { Context } from 'cognito-local/lib/services/context.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import { AwsError, type AwsService, type EdgeRequest } from '../edge/aws-service.ts';
import { jsonProtocolService } from '../edge/json-protocol.ts';
import {
  CognitoError,
  publicKey,
  Router,
  Targets,
  UnsupportedError,
} from './cognito-local-modules.ts';
import { verifyEmailOnConfirmation } from './confirmation-verifies-email.ts';
import { enforcePasswordPolicy } from './password-policy.ts';

export const cognitoTargetPrefix = 'AWSCognitoIdentityProviderService';

/** The JSON protocol sends timestamps as epoch seconds, as Cognito does. */
const epochSeconds = (value: unknown) =>
  JSON.parse(
    JSON.stringify(value ?? {}, function (this: Record<string, unknown>, key, v) {
      const raw = this[key];
      return raw instanceof Date ? Math.floor(raw.getTime() / 1000) : v;
    }),
  );

/** cognito-local answers a wrong password with InvalidPasswordException; Cognito does not. */
const asCognitoError = (target: string, error: InstanceType<typeof CognitoError>) =>
  target.endsWith('InitiateAuth') && error.code === 'InvalidPasswordException'
    ? new AwsError('NotAuthorizedException', 'Incorrect username or password.')
    : new AwsError(error.code, error.message);

const wellKnown = /^\/([^/]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;

export interface CognitoServiceOptions {
  ctx: Context;
  services: Services;
  /** `<issuer domain>/<pool id>` is each pool's issuer. */
  issuerDomain: string;
  poolIds: readonly string[];
}

/**
 * Cognito on the edge: the user pools API (cognito-local's operations, in process) and, per pool,
 * the key set and OpenID configuration at `<issuer>/.well-known/...`, where verifiers look.
 */
export const cognitoService = ({
  ctx,
  services,
  issuerDomain,
  poolIds,
}: CognitoServiceOptions): AwsService => {
  const route = Router(services);
  const operations = Object.fromEntries(
    Object.keys(Targets).map((target) => [
      target,
      async (input: Record<string, unknown>) => {
        try {
          await enforcePasswordPolicy(ctx, services, target, input);
          await verifyEmailOnConfirmation(ctx, services, target, input);
          return epochSeconds(await route(target)(ctx, input as never));
        } catch (error) {
          if (error instanceof AwsError) throw error;
          if (error instanceof CognitoError) throw asCognitoError(target, error);
          if (error instanceof UnsupportedError) {
            throw new AwsError('UnsupportedOperationException', error.message);
          }
          throw new AwsError('InternalErrorException', (error as Error).message, 500);
        }
      },
    ]),
  );
  const api = jsonProtocolService({
    name: 'cognito-idp',
    targetPrefix: cognitoTargetPrefix,
    version: '1.1',
    operations,
  });
  const wellKnownOf = (request: EdgeRequest) => {
    const match = request.method === 'GET' ? wellKnown.exec(request.path) : null;
    return match && poolIds.includes(match[1] as string)
      ? { poolId: match[1] as string, document: match[2] as string }
      : undefined;
  };
  return {
    name: 'cognito-idp',
    accepts: (request) => api.accepts(request) || wellKnownOf(request) !== undefined,
    async handle(request) {
      const known = wellKnownOf(request);
      if (!known) return api.handle(request);
      const issuer = `${issuerDomain}/${known.poolId}`;
      const body =
        known.document === 'jwks.json'
          ? { keys: [publicKey.jwk] }
          : {
              issuer,
              jwks_uri: `${issuer}/.well-known/jwks.json`,
              id_token_signing_alg_values_supported: ['RS256'],
              subject_types_supported: ['public'],
              response_types_supported: ['code', 'token'],
            };
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      };
    },
  };
};
