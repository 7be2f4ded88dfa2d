import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretPlan } from '@mytabs/plan';
import { ACCOUNT, localNames, REGION } from '../naming.ts';
import { seedValue } from './secret-seeds.ts';

export interface LocalSecret {
  /** The manifest's name, e.g. `stripe-webhook-secret`. */
  key: string;
  /** Secrets Manager name (`mytabs/local/<service>/<key>`), what functions receive as `SECRET_*`. */
  name: string;
  arn: string;
  value: string;
  versionId: string;
  createdAt: Date;
}

/** The owner of the secrets a component adds for itself (the Stripe emulator's webhook secret). */
const PLATFORM_OWNER = 'platform';

/**
 * Every secret of the plan, seeded once. Components read values here (the Stripe emulator
 * signs webhooks with `value('stripe-webhook-secret')`); functions read them through the Secrets
 * Manager API on the edge. With a data dir the seeded values are kept there, so what was signed
 * before a restart (order tokens, tickets' QR codes) still verifies after it.
 */
export class LocalSecrets {
  readonly #byName = new Map<string, LocalSecret>();

  constructor(secrets: readonly SecretPlan[], dataDir?: string) {
    const file = dataDir && join(dataDir, 'secrets.json');
    // Kept by name: a data dir holds the values of this stage's secrets, whichever service owns them.
    const kept: Record<string, string> =
      file && existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
    for (const { key, name } of [...secrets].sort((a, b) => a.name.localeCompare(b.name))) {
      this.#put(key, name, kept[name] ?? seedValue(key));
    }
    if (file) {
      mkdirSync(dataDir, { recursive: true });
      const values = Object.fromEntries(this.list().map((s) => [s.name, s.value]));
      writeFileSync(file, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
    }
  }

  /** Registers a secret of the platform's own that no manifest names (a component's). */
  add(key: string, value: string) {
    this.#put(key, localNames.secret(PLATFORM_OWNER, key), value);
  }

  #put(key: string, name: string, value: string) {
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

  /** The secret some manifest (or component) names `key`, if any; throws if several are. */
  byKey(key: string): LocalSecret | undefined {
    const found = this.list().filter((s) => s.key === key);
    if (found.length > 1) {
      throw new Error(`${found.length} secrets are named ${key}: ${found.map((s) => s.name)}`);
    }
    return found[0];
  }

  /** The seeded value of the secret named `key`; throws if none is. */
  value(key: string): string {
    const secret = this.byKey(key);
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
