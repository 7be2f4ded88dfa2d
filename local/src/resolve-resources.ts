import type { ResolvedResources, ServiceManifest } from '@mytabs/contracts';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import {
  BUS_NAME,
  functionArn,
  functionName,
  secretId,
  stateMachineArn,
  tableName,
} from './naming.ts';

/** Where each resource of `manifest` lives on the local platform, for `functionEnvironment()`. */
export const resolveResources = (
  manifest: ServiceManifest,
  all: readonly LoadedManifest[],
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
  };
};
