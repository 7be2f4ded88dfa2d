import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
 * Every secret any manifest names, seeded once. Components read values here (the Stripe emulator
 * signs webhooks with `value('stripe-webhook-secret')`); functions read them through the Secrets
 * Manager API on the edge. With a data dir the seeded values are kept there, so what was signed
 * before a restart (order tokens, tickets' QR codes) still verifies after it.
 */
export class LocalSecrets {
  readonly #byName = new Map<string, LocalSecret>();

  constructor(manifests: readonly LoadedManifest[], dataDir?: string) {
    const file = dataDir && join(dataDir, 'secrets.json');
    const kept: Record<string, string> =
      file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    const keys = new Set(manifests.flatMap(({ manifest }) => manifest.secrets));
    for (const key of [...keys].sort()) this.add(key, kept[key] ?? seedValue(key));
    if (file) {
      mkdirSync(dataDir, { recursive: true });
      const values = Object.fromEntries(this.list().map((s) => [s.key, s.value]));
      writeFileSync(file, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
    }
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
