import { StripeApiError } from './errors.ts';

/** Stripe keeps an idempotency key's result for at least 24 hours. */
const KEY_LIFETIME_MS = 24 * 3_600_000;
const MAX_KEY_LENGTH = 255;

export interface StoredResponse {
  status: number;
  body: string;
  requestId: string;
}

interface Entry extends StoredResponse {
  path: string;
  paramsFingerprint: string;
  storedAtMs: number;
}

const idempotencyError = (message: string) =>
  new StripeApiError(400, { type: 'idempotency_error', message }, true);

/** Same parameters in any order are the same request; the form decoder keeps values as strings. */
const fingerprint = (params: unknown): string =>
  JSON.stringify(params, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
      : value,
  );

/**
 * `Idempotency-Key` on POST requests as Stripe documents it: the first result for a key (success
 * or error, once the request ran) is returned again for the same endpoint and parameters; other
 * parameters or another endpoint under the same key is an `idempotency_error`.
 */
export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly nowMs: () => number) {}

  /** The stored response to replay, undefined for a new key; throws on a conflicting reuse. */
  lookup(key: string, path: string, params: unknown): StoredResponse | undefined {
    if (key.length > MAX_KEY_LENGTH) {
      throw new StripeApiError(
        400,
        {
          type: 'invalid_request_error',
          message: `Invalid idempotency key: must be at most ${MAX_KEY_LENGTH} characters long.`,
        },
        true,
      );
    }
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.nowMs() - entry.storedAtMs > KEY_LIFETIME_MS) {
      this.entries.delete(key);
      return undefined;
    }
    if (entry.path !== path) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${path}' vs '${entry.path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    if (entry.paramsFingerprint !== fingerprint(params)) {
      throw idempotencyError(
        `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
      );
    }
    return entry;
  }

  save(key: string, path: string, params: unknown, response: StoredResponse) {
    this.forgetExpired();
    this.entries.set(key, {
      ...response,
      path,
      paramsFingerprint: fingerprint(params),
      storedAtMs: this.nowMs(),
    });
  }

  /** The SDK keys every POST, so expired entries are dropped as new ones come (oldest first). */
  private forgetExpired() {
    const now = this.nowMs();
    for (const [key, entry] of this.entries) {
      if (now - entry.storedAtMs <= KEY_LIFETIME_MS) return;
      this.entries.delete(key);
    }
  }
}
