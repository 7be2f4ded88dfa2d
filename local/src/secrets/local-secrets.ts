import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { SecretPlan } from '@mytabs/plan';
import { ACCOUNT, localNames, REGION } from '../naming.ts';
import { seedValue } from './secret-seeds.ts';
import {
  CURRENT,
  type SecretVersion,
  versionById,
  versionByStage,
  withVersion,
} from './secret-versions.ts';
import { secretsErrors } from './secrets-errors.ts';
import { loadSecretsFile, type StoredSecret, saveSecretsFile } from './secrets-file.ts';

export interface LocalSecret {
  /** The manifest's name, e.g. `stripe-webhook-secret`; absent for a secret CreateSecret made. */
  key?: string;
  /** Secrets Manager name (`mytabs/local/<service>/<key>`), what functions receive as `SECRET_*`. */
  name: string;
  arn: string;
  description?: string;
  createdAt: Date;
  lastChangedAt: Date;
  /** When a deletion DeleteSecret scheduled takes effect; until then the value is refused. */
  deletionDate?: Date;
  /** Oldest first; AWSCURRENT is the value components and functions read. */
  versions: SecretVersion[];
}

/**
 * Whose a secret is: the plan's are seeded at each start (and dropped once no manifest names
 * them), CreateSecret's are kept until deleted, a component's own are made again at each start.
 */
type Origin = 'manifest' | 'api' | 'platform';

/** The owner of the secrets a component adds for itself (the Stripe emulator's webhook secret). */
const PLATFORM_OWNER = 'platform';

const arnOf = (name: string) =>
  // AWS appends six random characters to a secret's ARN.
  `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}-${randomBytes(3).toString('hex')}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Every secret of the plan, seeded once, and those made through the Secrets Manager API.
 * Components read values here (the Stripe emulator signs webhooks with
 * `value('stripe-webhook-secret')`); functions read and write them through the API on the edge.
 * With a data dir every change is kept there, so what was signed before a restart (order tokens,
 * tickets' QR codes) still verifies after it, and what a deploy step put is still there.
 */
export class LocalSecrets {
  readonly #byName = new Map<string, LocalSecret & { origin: Origin }>();
  readonly #file: string | undefined;

  constructor(secrets: readonly SecretPlan[], dataDir?: string) {
    this.#file = dataDir && join(dataDir, 'secrets.json');
    const kept = this.#file ? loadSecretsFile(this.#file) : { secrets: [], valuesByName: {} };
    const now = new Date();
    // Dropped before seeding, so a manifest secret whose recovery window ended is seeded anew.
    const keptByName = new Map(
      kept.secrets
        .filter((s) => !(s.deletionDate && s.deletionDate <= now))
        .map((s) => [s.name, s]),
    );
    for (const { key, name, kind } of [...secrets].sort((a, b) => a.name.localeCompare(b.name))) {
      const stored = keptByName.get(name);
      keptByName.delete(name);
      if (stored) {
        this.#byName.set(name, { ...stored, key, origin: 'manifest' });
      } else {
        this.#seed(key, name, kept.valuesByName[name] ?? seedValue(kind), 'manifest', now);
      }
    }
    // One a manifest no longer names is left out, as a deploy would delete it; CreateSecret's stay.
    for (const stored of keptByName.values()) {
      if (stored.origin === 'api') this.#byName.set(stored.name, { ...stored });
    }
    this.#save();
  }

  /** Registers a secret of the platform's own that no manifest names (a component's). */
  add(key: string, value: string) {
    const name = localNames.secret(PLATFORM_OWNER, key);
    const existing = this.#byName.get(name);
    // One made through the API under that name stays what it is; the component reads its value.
    if (existing) existing.key ??= key;
    else this.#seed(key, name, value, 'platform', new Date());
  }

  #seed(key: string, name: string, value: string, origin: Origin, now: Date) {
    this.#byName.set(name, {
      key,
      name,
      arn: arnOf(name),
      description: `Local value of the manifest secret ${key}`,
      createdAt: now,
      lastChangedAt: now,
      versions: withVersion([], { id: randomUUID(), value, createdAt: now }),
      origin,
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

  /** The current value of the secret named `key`; throws if none is. */
  value(key: string): string {
    const secret = this.byKey(key);
    if (!secret) throw new Error(`No manifest names the secret ${key}`);
    const current = versionByStage(secret.versions, CURRENT);
    if (!current) throw new Error(`The secret ${secret.name} has no value`);
    return current.value;
  }

  /** By name or ARN (full, or without the random suffix), as Secrets Manager's SecretId. */
  find(id: string): LocalSecret | undefined {
    this.#dropExpired(new Date());
    return (
      this.#byName.get(id) ??
      [...this.#byName.values()].find((s) => s.arn === id || s.arn.slice(0, -7) === id)
    );
  }

  /** Every secret, those scheduled for deletion included. */
  list(): LocalSecret[] {
    this.#dropExpired(new Date());
    return [...this.#byName.values()];
  }

  /**
   * CreateSecret. A retry with the same ClientRequestToken and value answers the secret it made;
   * anything else under a name that exists is refused.
   */
  create(input: { name: string; value?: string; description?: string; token?: string }): {
    secret: LocalSecret;
    version?: SecretVersion;
  } {
    const existing = this.#byName.get(input.name);
    if (existing) {
      if (existing.deletionDate) throw secretsErrors.nameScheduledForDeletion();
      const retried = input.token && this.#retried(existing, input.token, input.value);
      if (retried) return { secret: existing, version: retried };
      throw secretsErrors.exists(input.name);
    }
    const now = new Date();
    const secret: LocalSecret & { origin: Origin } = {
      name: input.name,
      arn: arnOf(input.name),
      ...(input.description === undefined ? {} : { description: input.description }),
      createdAt: now,
      lastChangedAt: now,
      versions:
        input.value === undefined
          ? []
          : withVersion([], {
              id: input.token ?? randomUUID(),
              value: input.value,
              createdAt: now,
            }),
      origin: 'api',
    };
    this.#byName.set(secret.name, secret);
    this.#save();
    return { secret, version: secret.versions[0] };
  }

  /** PutSecretValue: a new version under `stages` (AWSCURRENT unless told), or the same retried. */
  putValue(
    secret: LocalSecret,
    input: { value: string; token?: string; stages?: readonly string[] },
  ): SecretVersion {
    if (secret.deletionDate) throw secretsErrors.markedForDeletion();
    const retried = input.token && this.#retried(secret, input.token, input.value);
    if (retried) return retried;
    const now = new Date();
    const id = input.token ?? randomUUID();
    secret.versions = withVersion(
      secret.versions,
      { id, value: input.value, createdAt: now },
      input.stages,
    );
    secret.lastChangedAt = now;
    this.#save();
    return versionById(secret.versions, id) as SecretVersion;
  }

  /** The version a token made before, if the same value is asked for again; a clash if not. */
  #retried(secret: LocalSecret, token: string, value: string | undefined) {
    const version = versionById(secret.versions, token);
    if (version && version.value !== value) throw secretsErrors.tokenInUse(token, secret.arn);
    return version;
  }

  /** DeleteSecret with a recovery window: refused from now on, gone once the window ends. */
  scheduleDeletion(secret: LocalSecret, days: number): Date {
    if (secret.deletionDate) throw secretsErrors.markedForDeletion();
    const now = new Date();
    secret.deletionDate = new Date(now.getTime() + days * DAY_MS);
    secret.lastChangedAt = now;
    this.#save();
    return secret.deletionDate;
  }

  /** DeleteSecret with ForceDeleteWithoutRecovery. */
  remove(secret: LocalSecret) {
    this.#byName.delete(secret.name);
    this.#save();
  }

  /** RestoreSecret. */
  restore(secret: LocalSecret) {
    if (!secret.deletionDate) return;
    delete secret.deletionDate;
    secret.lastChangedAt = new Date();
    this.#save();
  }

  /** Secrets Manager deletes a secret for good once its recovery window has passed. */
  #dropExpired(now: Date) {
    const expired = [...this.#byName.values()].filter(
      (s) => s.deletionDate && s.deletionDate <= now,
    );
    for (const secret of expired) this.#byName.delete(secret.name);
    if (expired.length > 0) this.#save();
  }

  #save() {
    if (!this.#file) return;
    const kept: StoredSecret[] = [...this.#byName.values()]
      .filter((s): s is typeof s & { origin: StoredSecret['origin'] } => s.origin !== 'platform')
      .sort((a, b) => a.name.localeCompare(b.name));
    saveSecretsFile(this.#file, kept);
  }
}
