import { createHash } from 'node:crypto';
import { generateKey, isConfiguredValue } from '@mytabs/plan';
import type { KeyStore } from './key-store.ts';

export type GeneratedKind = 'ed25519-private-key' | 'hmac-key';

export interface KeyRequest {
  /** The secret's name in Secrets Manager. */
  name: string;
  kind: GeneratedKind;
  /** Raised by an operator to rotate the key: each version is generated once. */
  version: number;
  description: string;
}

export type KeyOutcome = 'created' | 'filled-placeholder' | 'rotated' | 'kept';

/**
 * The version's write token: a retried deploy repeats the same token, and Secrets Manager makes
 * the second write of a version a no-op instead of a second, different key.
 */
const versionToken = (name: string, version: number) =>
  createHash('sha256').update(`${name}#${version}`).digest('hex');

/**
 * Makes sure the secret holds a real key of its kind, generated here and never shown: created if
 * absent (restored first if a deleted stack scheduled it for deletion), generated over a
 * placeholder, replaced only when `rotate` asks for a new version. A key that is there is kept.
 */
export const ensureKey = async (
  store: KeyStore,
  request: KeyRequest,
  { rotate = false }: { rotate?: boolean } = {},
): Promise<KeyOutcome> => {
  const token = versionToken(request.name, request.version);
  let stored = await store.read(request.name);
  if (stored.state === 'scheduled-for-deletion') {
    await store.restore(request.name);
    stored = await store.read(request.name);
  }
  if (stored.state === 'absent') {
    await store.create(request.name, generateKey(request.kind), request.description, token);
    return 'created';
  }
  if (stored.state !== 'present') throw new Error(`${request.name} could not be restored`);
  if (rotate) {
    await store.put(request.name, generateKey(request.kind), token);
    return 'rotated';
  }
  if (!isConfiguredValue(request.kind, stored.value)) {
    await store.put(request.name, generateKey(request.kind), token);
    return 'filled-placeholder';
  }
  return 'kept';
};
