import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';

const StoredVersion = z.object({
  id: z.string(),
  value: z.string(),
  stages: z.array(z.string()),
  createdAt: z.coerce.date(),
});

const StoredSecret = z.object({
  name: z.string(),
  /** `manifest`: seeded for the plan, dropped once no manifest names it; `api`: CreateSecret's. */
  origin: z.enum(['manifest', 'api']),
  key: z.string().optional(),
  arn: z.string(),
  description: z.string().optional(),
  createdAt: z.coerce.date(),
  lastChangedAt: z.coerce.date(),
  deletionDate: z.coerce.date().optional(),
  versions: z.array(StoredVersion),
});
export type StoredSecret = z.infer<typeof StoredSecret>;

const SecretsFile = z.object({ format: z.literal(2), secrets: z.array(StoredSecret) });

/** The first format: the current value of each manifest secret, by name. */
const ValuesByName = z.record(z.string(), z.string());

export interface LoadedSecrets {
  secrets: StoredSecret[];
  /** Values from a file of the first format, to seed the manifest secrets with. */
  valuesByName: Record<string, string>;
}

/** What a data dir's `secrets.json` holds; nothing when there is none yet. */
export const loadSecretsFile = (file: string): LoadedSecrets => {
  if (!existsSync(file)) return { secrets: [], valuesByName: {} };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file} is not JSON: ${(error as Error).message}`);
  }
  const values = ValuesByName.safeParse(json);
  if (values.success) return { secrets: [], valuesByName: values.data };
  const stored = SecretsFile.safeParse(json);
  if (!stored.success) {
    throw new Error(`${file} holds no secrets this platform can read: ${stored.error.message}`);
  }
  return { secrets: stored.data.secrets, valuesByName: {} };
};

/** Written whole to a file beside it and renamed over it, so a crash never leaves half a file. */
export const saveSecretsFile = (file: string, secrets: readonly StoredSecret[]) => {
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const content: z.input<typeof SecretsFile> = { format: 2, secrets: [...secrets] };
  writeFileSync(partial, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  renameSync(partial, file);
};
