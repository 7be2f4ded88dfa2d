import { createPrivateKey } from 'node:crypto';
import {
  CreateSecretCommand,
  GetSecretValueCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { type Platform, secretsManager, startPlatform } from '@mytabs/local';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

let platform: Platform;
let client: SecretsManagerClient;
let handler: (event: unknown) => Promise<{ PhysicalResourceId: string }>;
const logged: string[] = [];

beforeAll(async () => {
  platform = await startPlatform({ manifests: [], components: [secretsManager], log: () => {} });
  const endpoint = platform.endpoints.edge as string;
  // The handler builds its client from the environment, as it does in Lambda.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL: endpoint,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
  });
  client = new SecretsManagerClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  vi.spyOn(console, 'log').mockImplementation((line: string) => {
    logged.push(line);
  });
  ({ handler } = await import('../../src/keys/generated-key-handler.ts'));
}, 60_000);
afterAll(async () => {
  vi.restoreAllMocks();
  client?.destroy();
  await platform?.close();
});

const props = (name: string, kind: string, version = 1, retain = false) => ({
  SecretName: name,
  KeyKind: kind,
  KeyVersion: String(version),
  Description: `${name}: generated at deploy`,
  Retain: String(retain),
});
const event = (RequestType: 'Create' | 'Update' | 'Delete', properties: object, old?: object) => ({
  RequestType,
  ResourceProperties: properties,
  ...(old && { OldResourceProperties: old }),
});
const read = async (name: string, VersionStage?: string) =>
  (await client.send(new GetSecretValueCommand({ SecretId: name, VersionStage }))).SecretString;

describe('the key resource', () => {
  it('creates a real Ed25519 key once: a retried create and an update change nothing', async () => {
    const name = 'mytabs/local/ticketing/ticket-ed25519-key-test';
    const created = await handler(event('Create', props(name, 'ed25519-private-key')));
    expect(created.PhysicalResourceId).toBe(name);
    const key = await read(name);
    expect(createPrivateKey(key as string).asymmetricKeyType).toBe('ed25519');

    await handler(event('Create', props(name, 'ed25519-private-key')));
    await handler(
      event('Update', props(name, 'ed25519-private-key'), props(name, 'ed25519-private-key')),
    );
    expect(await read(name)).toBe(key);
    expect(logged.join('\n')).not.toContain(key);
  });

  it('rotates only when the version is raised, keeping the old key as AWSPREVIOUS', async () => {
    const name = 'mytabs/local/identity/order-token-key-rotation';
    await handler(event('Create', props(name, 'hmac-key')));
    const first = await read(name);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rotate = event('Update', props(name, 'hmac-key', 2), props(name, 'hmac-key', 1));
    await handler(rotate);
    const second = await read(name);
    expect(second).not.toBe(first);
    expect(await read(name, 'AWSPREVIOUS')).toBe(first);
    // CloudFormation retrying the same update does not rotate twice.
    await handler(rotate);
    expect(await read(name)).toBe(second);
  });

  it('generates a key over a placeholder left by an earlier template', async () => {
    const name = 'mytabs/local/identity/order-token-key-placeholder';
    await client.send(new CreateSecretCommand({ Name: name, SecretString: 'x&Y9!placeholder' }));
    await handler(event('Create', props(name, 'hmac-key')));
    expect(await read(name)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('leaves a retained key in place and schedules the others for deletion, undone by a new deploy', async () => {
    const kept = 'mytabs/local/ticketing/ticket-ed25519-key-kept';
    await handler(event('Create', props(kept, 'ed25519-private-key', 1, true)));
    const keptKey = await read(kept);
    await handler(event('Delete', props(kept, 'ed25519-private-key', 1, true)));
    expect(await read(kept)).toBe(keptKey);

    const dropped = 'mytabs/local/ticketing/ticket-ed25519-key-dropped';
    await handler(event('Create', props(dropped, 'ed25519-private-key')));
    const droppedKey = await read(dropped);
    await handler(event('Delete', props(dropped, 'ed25519-private-key')));
    await expect(read(dropped)).rejects.toMatchObject({ name: 'InvalidRequestException' });

    await handler(event('Create', props(dropped, 'ed25519-private-key')));
    expect(await read(dropped)).toBe(droppedKey);
  });

  it('refuses an event it does not understand, touching nothing', async () => {
    await expect(
      handler(event('Create', { ...props('mytabs/local/x/bad', 'rsa-key'), KeyVersion: '0' })),
    ).rejects.toThrow();
    await expect(read('mytabs/local/x/bad')).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
