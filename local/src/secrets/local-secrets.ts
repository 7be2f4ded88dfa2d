import { randomBytes, randomUUID } from 'node:crypto';
import type { LoadedManifest } from '@mytabs/contracts/manifest/load-manifests';
import { ACCOUNT, REGION, secretId } from '../naming.ts';
import { seedValue } from './secret-seeds.ts';

export interface LocalSecret {
  /** The manifest's name, e.g. `stripe-webhook-secret`. */
  key: string;
  /** Secrets Manager name (`mytabs/<key>`), what functions receive as `SECRET_*`. */
  name: string;
  arn: string;
  value: string;
  versionId: string;
  createdAt: Date;
}

/**
 * Every secret any manifest names, seeded once per start. Components read values here (the
 * Stripe emulator signs webhooks with `value('stripe-webhook-secret')`); functions read them
 * through the Secrets Manager API on the edge.
 */
export class LocalSecrets {
  readonly #byName = new Map<string, LocalSecret>();

  constructor(manifests: readonly LoadedManifest[]) {
    const keys = new Set(manifests.flatMap(({ manifest }) => manifest.secrets));
    for (const key of [...keys].sort()) this.add(key, seedValue(key));
  }

  /** Register a secret no manifest names yet (a component's own), or replace a seeded value. */
  add(key: string, value: string) {
    const name = secretId(key);
    // AWS appends six random characters to a secret's ARN.
    const suffix = randomBytes(3).toString('hex');
    this.#byName.set(name, {
      key,
      name,
      arn: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${suffix}`,
      value,
      versionId: randomUUID(),
      createdAt: new Date(),
    });
  }

  /** The seeded value of the manifest secret `key`; throws if no manifest names it. */
  value(key: string): string {
    const secret = this.#byName.get(secretId(key));
    if (!secret) throw new Error(`No manifest names the secret ${key}`);
    return secret.value;
  }

  /** By name or ARN (full, or without the random suffix), as Secrets Manager's SecretId. */
  find(id: string): LocalSecret | undefined {
    return (
      this.#byName.get(id) ??
      [...this.#byName.values()].find((s) => s.arn === id || `${s.arn.slice(0, -7)}` === id)
    );
  }

  list(): LocalSecret[] {
    return [...this.#byName.values()];
  }
}
