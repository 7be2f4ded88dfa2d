import {
  CreateSecretCommand,
  DeleteSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  RestoreSecretCommand,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';

/** Where a secret stands, as the key resource needs to know it. */
export type StoredSecret =
  | { state: 'absent' }
  | { state: 'scheduled-for-deletion' }
  | { state: 'present'; value: string | undefined };

/** The Secrets Manager calls the key resource makes; `token` makes a repeated write a no-op. */
export interface KeyStore {
  read(name: string): Promise<StoredSecret>;
  create(name: string, value: string, description: string, token: string): Promise<void>;
  put(name: string, value: string, token: string): Promise<void>;
  restore(name: string): Promise<void>;
  scheduleDeletion(name: string, recoveryDays: number): Promise<void>;
}

const named = (error: unknown, ...names: string[]) =>
  error instanceof Error && names.includes(error.name);

/** Secrets Manager answers InvalidRequestException to any read of a secret marked for deletion. */
const markedForDeletion = (error: unknown) =>
  named(error, 'InvalidRequestException') && /deletion/i.test((error as Error).message);

/** The key store over Secrets Manager. A write repeated with its token (a retried deploy) is a no-op. */
export const secretsManagerKeyStore = (client: SecretsManagerClient): KeyStore => ({
  async read(name) {
    try {
      const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: name }));
      return { state: 'present', value: SecretString };
    } catch (error) {
      if (named(error, 'ResourceNotFoundException')) return { state: 'absent' };
      if (markedForDeletion(error)) return { state: 'scheduled-for-deletion' };
      throw error;
    }
  },
  async create(name, value, description, token) {
    await client
      .send(
        new CreateSecretCommand({
          Name: name,
          SecretString: value,
          Description: description,
          ClientRequestToken: token,
        }),
      )
      .catch((error: unknown) => {
        if (!named(error, 'ResourceExistsException')) throw error;
      });
  },
  async put(name, value, token) {
    await client
      .send(
        new PutSecretValueCommand({
          SecretId: name,
          SecretString: value,
          ClientRequestToken: token,
        }),
      )
      .catch((error: unknown) => {
        // The version of this token was written already, with the key generated then.
        if (!named(error, 'ResourceExistsException')) throw error;
      });
  },
  async restore(name) {
    await client.send(new RestoreSecretCommand({ SecretId: name }));
  },
  async scheduleDeletion(name, recoveryDays) {
    await client
      .send(new DeleteSecretCommand({ SecretId: name, RecoveryWindowInDays: recoveryDays }))
      .catch((error: unknown) => {
        if (!named(error, 'ResourceNotFoundException') && !markedForDeletion(error)) throw error;
      });
  },
});
