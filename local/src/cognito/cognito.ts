import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserPoolPlan } from '@mytabs/plan';
import type { AwsService } from '../edge/aws-service.ts';
import { accessKeyIdOf } from '../naming.ts';
import { createCognitoLocal } from './cognito-local-services.ts';
import { cognitoService } from './cognito-service.ts';
import { type ProvisionedPool, provisionPools } from './provision-pools.ts';

export interface CognitoOptions {
  /** The stage's user pool, if a manifest declares one. */
  pool: UserPoolPlan | undefined;
  /** The edge: it serves Cognito, the issuers' key sets, and the Lambda Invoke that triggers use. */
  edgeUrl: string;
  /** Users survive a restart under `<dataDir>/cognito`; without it they live in a temp folder. */
  dataDir: string | undefined;
  log: (line: string) => void;
}

export interface LocalUserPool extends ProvisionedPool {
  /** Every token's `iss`; verifiers fetch `<issuer>/.well-known/jwks.json`. */
  issuer: string;
  jwksUri: string;
}

export interface RunningCognito {
  service: AwsService;
  pools: LocalUserPool[];
  close(): Promise<void>;
}

const cognitoTriggers = {
  postConfirmation: 'PostConfirmation',
  preTokenGeneration: 'PreTokenGeneration',
} as const;

/** Which functions cognito-local's triggers invoke (it keeps one set for all its pools). */
const triggersOf = (pool: UserPoolPlan | undefined) => {
  const functions: Record<string, string> = {};
  for (const [trigger, fn] of Object.entries(pool?.triggers ?? {})) {
    functions[cognitoTriggers[trigger as keyof typeof cognitoTriggers]] = fn;
  }
  return { owner: pool?.service, functions };
};

/** cognito-local in process, with the manifests' pools, served through the edge. */
export const startCognito = async (options: CognitoOptions): Promise<RunningCognito> => {
  const directory = options.dataDir
    ? join(options.dataDir, 'cognito')
    : await mkdtemp(join(tmpdir(), 'mytabs-cognito-'));
  await mkdir(directory, { recursive: true });
  const triggers = triggersOf(options.pool);
  const { ctx, services } = await createCognitoLocal({
    directory,
    issuerDomain: options.edgeUrl,
    lambdaEndpoint: options.edgeUrl,
    // Signed as the owning service, so the local Lambda lets it invoke that service's functions.
    lambdaAccessKeyId: accessKeyIdOf(triggers.owner ?? 'cognito', 'userPool'),
    triggerFunctions: triggers.functions,
    log: options.log,
  });
  const provisioned = await provisionPools(ctx, services.cognito, options.pool);
  const pools = provisioned.map((p) => {
    const issuer = `${options.edgeUrl}/${p.id}`;
    return { ...p, issuer, jwksUri: `${issuer}/.well-known/jwks.json` };
  });
  return {
    service: cognitoService({
      ctx,
      services,
      issuerDomain: options.edgeUrl,
      poolIds: pools.map((p) => p.id),
    }),
    pools,
    close: async () => {
      if (!options.dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
};
