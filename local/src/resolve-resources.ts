import type { ResolvedResources, ServiceManifest } from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { userPoolClientId, userPoolId } from './cognito/pool-ids.ts';
import {
  BUS_NAME,
  functionArn,
  functionName,
  secretId,
  stateMachineArn,
  tableName,
} from './naming.ts';

/** The sender domain of every email locally, unless MYTABS_EMAIL_DOMAIN says otherwise. */
export const DEFAULT_EMAIL_DOMAIN = 'keeptabs.app';

/** The one user pool (the identity manifest's) as the local Cognito serves it, at the edge. */
const userPoolOf = (all: readonly LoadedManifest[], edgeUrl: string) => {
  const pool = all.find((l) => l.manifest.userPool)?.manifest.userPool;
  if (!pool) return {};
  const id = userPoolId(pool.name);
  const issuer = `${edgeUrl}/${id}`;
  return {
    userPool: {
      id,
      issuer,
      jwksUrl: `${issuer}/.well-known/jwks.json`,
      clientIds: pool.clients.map((c) => userPoolClientId(pool.name, c.name)),
    },
  };
};

/** Where each resource of `manifest` lives on the local platform, for `functionEnvironment()`. */
export const resolveResources = (
  manifest: ServiceManifest,
  all: readonly LoadedManifest[],
  edgeUrl: string,
): ResolvedResources => {
  const functionNames: Record<string, string> = {};
  for (const { manifest: m } of all) {
    for (const fn of Object.keys(m.functions)) {
      functionNames[`${m.service}.${fn}`] = functionArn(functionName(m.service, fn));
    }
  }
  return {
    ...(manifest.table ? { tableName: tableName(manifest.service) } : {}),
    busName: BUS_NAME,
    secretIds: Object.fromEntries(manifest.secrets.map((s) => [s, secretId(s)])),
    functionNames,
    workflowArns: Object.fromEntries(
      Object.keys(manifest.workflows).map((w) => [w, stateMachineArn(manifest.service, w)]),
    ),
    emailFrom: `noreply@${process.env.MYTABS_EMAIL_DOMAIN ?? DEFAULT_EMAIL_DOMAIN}`,
    ...userPoolOf(all, edgeUrl),
  };
};
