import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateSecretCommand,
  DeleteSecretCommand,
  DescribeSecretCommand,
  GetSecretValueCommand,
  ListSecretsCommand,
  PutSecretValueCommand,
  ResourceExistsException,
  ResourceNotFoundException,
  RestoreSecretCommand,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, startPlatform } from '../../src/platform.ts';
import { secretsManager } from '../../src/secrets/secrets-manager.ts';
import { clientConfig, fixtureRoot, startFixturePlatform } from './fixture-platform.ts';

let platform: Platform;
let secrets: SecretsManagerClient;

beforeAll(async () => {
  ({ platform } = await startFixturePlatform());
  secrets = new SecretsManagerClient(clientConfig(platform.endpoints.edge ?? ''));
});
afterAll(async () => {
  secrets?.destroy();
  await platform?.close();
});

it('seeds every secret the manifests name with a local value of the right shape', async () => {
  const value = async (SecretId: string) =>
    (await secrets.send(new GetSecretValueCommand({ SecretId }))).SecretString;
  expect(await value('mytabs/local/alpha/stripe-secret-key')).toMatch(/^sk_test_/);
  const webhookSecret = await value('mytabs/local/alpha/stripe-webhook-secret');
  expect(webhookSecret).toMatch(/^whsec_[0-9a-f]{48}$/);
  expect(platform.secrets.value('stripe-webhook-secret')).toBe(webhookSecret);
  expect(
    Buffer.from((await value('mytabs/local/alpha/order-token-signing-key')) ?? '', 'base64url'),
  ).toHaveLength(32);
});

it('finds a secret by name or ARN and describes it', async () => {
  const byName = await secrets.send(
    new GetSecretValueCommand({ SecretId: 'mytabs/local/alpha/stripe-secret-key' }),
  );
  expect(byName.ARN).toMatch(
    /^arn:aws:secretsmanager:us-east-1:000000000000:secret:mytabs\/local\/alpha\/stripe-secret-key-[0-9a-f]{6}$/,
  );
  expect(byName.VersionStages).toEqual(['AWSCURRENT']);
  const byArn = await secrets.send(new DescribeSecretCommand({ SecretId: byName.ARN }));
  expect(byArn).toMatchObject({ Name: 'mytabs/local/alpha/stripe-secret-key', ARN: byName.ARN });
  expect(byArn.CreatedDate).toBeInstanceOf(Date);
  expect(byArn.VersionIdsToStages).toEqual({ [byName.VersionId ?? '']: ['AWSCURRENT'] });
});

it('lists the secrets, by page and by name filter', async () => {
  const { SecretList = [] } = await secrets.send(new ListSecretsCommand({}));
  expect(SecretList.map((s) => s.Name)).toEqual([
    'mytabs/local/alpha/order-token-signing-key',
    'mytabs/local/alpha/stripe-secret-key',
    'mytabs/local/alpha/stripe-webhook-secret',
  ]);
  const first = await secrets.send(new ListSecretsCommand({ MaxResults: 2 }));
  expect(first.SecretList).toHaveLength(2);
  const second = await secrets.send(new ListSecretsCommand({ NextToken: first.NextToken }));
  expect(second.SecretList?.map((s) => s.Name)).toEqual([
    'mytabs/local/alpha/stripe-webhook-secret',
  ]);
  const stripe = await secrets.send(
    new ListSecretsCommand({ Filters: [{ Key: 'name', Values: ['mytabs/local/alpha/stripe'] }] }),
  );
  expect(stripe.SecretList).toHaveLength(2);
});

it('answers ResourceNotFoundException for a secret no manifest names', async () => {
  await expect(
    secrets.send(new GetSecretValueCommand({ SecretId: 'mytabs/nope' })),
  ).rejects.toBeInstanceOf(ResourceNotFoundException);
  await expect(
    secrets.send(new DescribeSecretCommand({ SecretId: 'mytabs/nope' })),
  ).rejects.toThrow("Secrets Manager can't find the specified secret.");
});

const DAY_MS = 24 * 60 * 60 * 1000;
const MARKED_FOR_DELETION =
  "You can't perform this operation on the secret because it was marked for deletion.";

/** A ClientRequestToken as the SDKs make them (32 to 64 characters). */
const token = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('writes', () => {
  // A platform of its own, so the secrets made here stay out of the listings above.
  let writer: Platform;
  let client: SecretsManagerClient;
  beforeAll(async () => {
    ({ platform: writer } = await startFixturePlatform());
    client = new SecretsManagerClient(clientConfig(writer.endpoints.edge ?? ''));
  });
  afterAll(async () => {
    client?.destroy();
    await writer?.close();
  });

  const get = (SecretId: string, more: { VersionId?: string; VersionStage?: string } = {}) =>
    client.send(new GetSecretValueCommand({ SecretId, ...more }));
  const listed = async (IncludePlannedDeletion?: boolean) =>
    ((await client.send(new ListSecretsCommand({ IncludePlannedDeletion }))).SecretList ?? []).map(
      (s) => s.Name,
    );

  it('creates a secret that reads back, with an ARN of AWS shape', async () => {
    const created = await client.send(
      new CreateSecretCommand({
        Name: 'mytabs/local/deploy/created',
        SecretString: 'first',
        Description: 'made by a deploy step',
      }),
    );
    expect(created.ARN).toMatch(
      /^arn:aws:secretsmanager:us-east-1:000000000000:secret:mytabs\/local\/deploy\/created-[0-9a-f]{6}$/,
    );
    expect(created.Name).toBe('mytabs/local/deploy/created');
    const read = await get('mytabs/local/deploy/created');
    expect(read).toMatchObject({
      ARN: created.ARN,
      SecretString: 'first',
      VersionId: created.VersionId,
      VersionStages: ['AWSCURRENT'],
    });
    expect(await get(created.ARN ?? '')).toMatchObject({ SecretString: 'first' });
    expect(
      await client.send(new DescribeSecretCommand({ SecretId: 'mytabs/local/deploy/created' })),
    ).toMatchObject({ Description: 'made by a deploy step' });
    expect(await listed()).toContain('mytabs/local/deploy/created');
  });

  it('refuses a second CreateSecret of a name, but answers a retry of the same one', async () => {
    const first = await client.send(
      new CreateSecretCommand({
        Name: 'mytabs/local/deploy/twice',
        SecretString: 'a',
        ClientRequestToken: token(1),
      }),
    );
    const retried = await client.send(
      new CreateSecretCommand({
        Name: 'mytabs/local/deploy/twice',
        SecretString: 'a',
        ClientRequestToken: token(1),
      }),
    );
    expect(retried).toMatchObject({ ARN: first.ARN, VersionId: token(1) });
    const again = client.send(
      new CreateSecretCommand({ Name: 'mytabs/local/deploy/twice', SecretString: 'b' }),
    );
    await expect(again).rejects.toBeInstanceOf(ResourceExistsException);
    await expect(again).rejects.toThrow(
      'The operation failed because the secret mytabs/local/deploy/twice already exists.',
    );
    await expect(
      client.send(new CreateSecretCommand({ Name: 'mytabs/local/alpha/stripe-secret-key' })),
    ).rejects.toBeInstanceOf(ResourceExistsException);
    expect((await get('mytabs/local/deploy/twice')).SecretString).toBe('a');
  });

  it('makes a put value AWSCURRENT and keeps the one it replaced as AWSPREVIOUS', async () => {
    const { VersionId: v1 } = await client.send(
      new CreateSecretCommand({ Name: 'mytabs/local/deploy/rotated', SecretString: 'one' }),
    );
    const put = await client.send(
      new PutSecretValueCommand({ SecretId: 'mytabs/local/deploy/rotated', SecretString: 'two' }),
    );
    expect(put.VersionStages).toEqual(['AWSCURRENT']);
    expect(put.VersionId).not.toBe(v1);
    expect(await get('mytabs/local/deploy/rotated')).toMatchObject({
      SecretString: 'two',
      VersionId: put.VersionId,
    });
    expect(await get('mytabs/local/deploy/rotated', { VersionStage: 'AWSPREVIOUS' })).toMatchObject(
      { SecretString: 'one', VersionId: v1, VersionStages: ['AWSPREVIOUS'] },
    );
    expect((await get('mytabs/local/deploy/rotated', { VersionId: v1 })).SecretString).toBe('one');
    const described = await client.send(
      new DescribeSecretCommand({ SecretId: 'mytabs/local/deploy/rotated' }),
    );
    expect(described.VersionIdsToStages).toEqual({
      [v1 ?? '']: ['AWSPREVIOUS'],
      [put.VersionId ?? '']: ['AWSCURRENT'],
    });

    await client.send(
      new PutSecretValueCommand({ SecretId: 'mytabs/local/deploy/rotated', SecretString: 'three' }),
    );
    expect((await get('mytabs/local/deploy/rotated')).SecretString).toBe('three');
    expect(
      (await get('mytabs/local/deploy/rotated', { VersionStage: 'AWSPREVIOUS' })).SecretString,
    ).toBe('two');
    // The first value has no label left: deprecated, still readable by its id, no longer listed.
    expect(await get('mytabs/local/deploy/rotated', { VersionId: v1 })).toMatchObject({
      SecretString: 'one',
      VersionStages: [],
    });
    expect(
      Object.keys(
        (await client.send(new DescribeSecretCommand({ SecretId: 'mytabs/local/deploy/rotated' })))
          .VersionIdsToStages ?? {},
      ),
    ).not.toContain(v1);
    await expect(
      get('mytabs/local/deploy/rotated', { VersionStage: 'AWSPENDING' }),
    ).rejects.toThrow(
      "Secrets Manager can't find the specified secret value for staging label: AWSPENDING",
    );
  });

  it('puts once per ClientRequestToken: the same value again is a no-op, another is refused', async () => {
    await client.send(
      new CreateSecretCommand({ Name: 'mytabs/local/deploy/retried', SecretString: 'old' }),
    );
    const put = () =>
      client.send(
        new PutSecretValueCommand({
          SecretId: 'mytabs/local/deploy/retried',
          SecretString: 'new',
          ClientRequestToken: token(2),
        }),
      );
    const first = await put();
    const second = await put();
    expect(second).toMatchObject({ VersionId: token(2), VersionStages: ['AWSCURRENT'] });
    expect(first.VersionId).toBe(token(2));
    // Had the retry made a version, AWSPREVIOUS would now point at `new` itself.
    expect(
      (await get('mytabs/local/deploy/retried', { VersionStage: 'AWSPREVIOUS' })).SecretString,
    ).toBe('old');
    const clash = client.send(
      new PutSecretValueCommand({
        SecretId: 'mytabs/local/deploy/retried',
        SecretString: 'other',
        ClientRequestToken: token(2),
      }),
    );
    await expect(clash).rejects.toBeInstanceOf(ResourceExistsException);
    await expect(clash).rejects.toThrow(`You can't use ClientRequestToken ${token(2)}`);
    expect((await get('mytabs/local/deploy/retried')).SecretString).toBe('new');
  });

  it('schedules a deletion: the value is refused, the secret unlisted, until RestoreSecret', async () => {
    const { ARN } = await client.send(
      new CreateSecretCommand({ Name: 'mytabs/local/deploy/deleted', SecretString: 'kept' }),
    );
    const before = Date.now();
    const deleted = await client.send(
      new DeleteSecretCommand({ SecretId: 'mytabs/local/deploy/deleted', RecoveryWindowInDays: 7 }),
    );
    expect(deleted.ARN).toBe(ARN);
    expect(deleted.DeletionDate?.getTime()).toBeGreaterThanOrEqual(before + 7 * DAY_MS - 1000);
    expect(deleted.DeletionDate?.getTime()).toBeLessThanOrEqual(Date.now() + 7 * DAY_MS + 1000);

    const refused = get('mytabs/local/deploy/deleted');
    await expect(refused).rejects.toMatchObject({ name: 'InvalidRequestException' });
    await expect(refused).rejects.toThrow(MARKED_FOR_DELETION);
    await expect(
      client.send(
        new PutSecretValueCommand({ SecretId: 'mytabs/local/deploy/deleted', SecretString: 'x' }),
      ),
    ).rejects.toThrow(MARKED_FOR_DELETION);
    await expect(
      client.send(new DeleteSecretCommand({ SecretId: 'mytabs/local/deploy/deleted' })),
    ).rejects.toThrow(MARKED_FOR_DELETION);
    await expect(
      client.send(new CreateSecretCommand({ Name: 'mytabs/local/deploy/deleted' })),
    ).rejects.toThrow(
      "You can't create this secret because a secret with this name is already scheduled for deletion.",
    );
    const described = await client.send(
      new DescribeSecretCommand({ SecretId: 'mytabs/local/deploy/deleted' }),
    );
    expect(described.DeletedDate).toEqual(deleted.DeletionDate);
    expect(await listed()).not.toContain('mytabs/local/deploy/deleted');
    expect(await listed(true)).toContain('mytabs/local/deploy/deleted');

    expect(
      await client.send(new RestoreSecretCommand({ SecretId: 'mytabs/local/deploy/deleted' })),
    ).toMatchObject({ ARN, Name: 'mytabs/local/deploy/deleted' });
    expect((await get('mytabs/local/deploy/deleted')).SecretString).toBe('kept');
    expect(
      (await client.send(new DescribeSecretCommand({ SecretId: 'mytabs/local/deploy/deleted' })))
        .DeletedDate,
    ).toBeUndefined();
    expect(await listed()).toContain('mytabs/local/deploy/deleted');
  });

  it('deletes at once without recovery, so the name is free again', async () => {
    await client.send(
      new CreateSecretCommand({ Name: 'mytabs/local/deploy/forced', SecretString: 'gone' }),
    );
    await client.send(
      new DeleteSecretCommand({ SecretId: 'mytabs/local/deploy/forced', RecoveryWindowInDays: 30 }),
    );
    // Forcing works on a secret already scheduled for deletion, and on one that is gone.
    for (let i = 0; i < 2; i++) {
      await client.send(
        new DeleteSecretCommand({
          SecretId: 'mytabs/local/deploy/forced',
          ForceDeleteWithoutRecovery: true,
        }),
      );
    }
    await expect(get('mytabs/local/deploy/forced')).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
    await expect(
      client.send(new DescribeSecretCommand({ SecretId: 'mytabs/local/deploy/forced' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    await expect(
      client.send(new RestoreSecretCommand({ SecretId: 'mytabs/local/deploy/forced' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(await listed(true)).not.toContain('mytabs/local/deploy/forced');
    await client.send(
      new CreateSecretCommand({ Name: 'mytabs/local/deploy/forced', SecretString: 'again' }),
    );
    expect((await get('mytabs/local/deploy/forced')).SecretString).toBe('again');
  });

  it('answers bad input as Secrets Manager does, and changes nothing', async () => {
    await client.send(
      new CreateSecretCommand({ Name: 'mytabs/local/deploy/validated', SecretString: 'first' }),
    );
    await expect(
      client.send(
        new DeleteSecretCommand({
          SecretId: 'mytabs/local/deploy/validated',
          RecoveryWindowInDays: 3,
        }),
      ),
    ).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: 'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
    });
    await expect(
      client.send(
        new DeleteSecretCommand({
          SecretId: 'mytabs/local/deploy/validated',
          RecoveryWindowInDays: 7,
          ForceDeleteWithoutRecovery: true,
        }),
      ),
    ).rejects.toMatchObject({ name: 'InvalidParameterException' });
    await expect(
      client.send(new CreateSecretCommand({ Name: 'has spaces', SecretString: 'x' })),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      client.send(
        new CreateSecretCommand({
          Name: 'mytabs/local/deploy/short-token',
          SecretString: 'x',
          ClientRequestToken: 'too-short',
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationException' });
    await expect(
      client.send(new PutSecretValueCommand({ SecretId: 'mytabs/local/deploy/validated' })),
    ).rejects.toMatchObject({ name: 'InvalidRequestException' });
    await expect(
      client.send(new PutSecretValueCommand({ SecretId: 'mytabs/nope', SecretString: 'x' })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect((await get('mytabs/local/deploy/validated')).SecretString).toBe('first');
  });
});

describe('a data dir', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mytabs-secrets-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  /** Runs `use` against a platform on `dataDir`, then stops it, as a restart would. */
  const withPlatform = async <T>(
    use: (client: SecretsManagerClient, platform: Platform) => Promise<T>,
  ) => {
    const platform = await startPlatform({
      manifests: await loadManifests(fixtureRoot),
      dataDir,
      log: () => {},
      components: [secretsManager],
    });
    const client = new SecretsManagerClient(clientConfig(platform.endpoints.edge ?? ''));
    try {
      return await use(client, platform);
    } finally {
      client.destroy();
      await platform.close();
    }
  };

  it('keeps each write across a restart: create, put, delete, restore', async () => {
    // One write per start, each the last before the restart, so every kind must be saved itself.
    const { arn, webhookSecret } = await withPlatform(async (client, platform) => {
      const created = await client.send(
        new CreateSecretCommand({ Name: 'mytabs/local/deploy/kept', SecretString: 'v1' }),
      );
      await client.send(
        new CreateSecretCommand({ Name: 'mytabs/local/deploy/forced', SecretString: 'x' }),
      );
      return { arn: created.ARN, webhookSecret: platform.secrets.value('stripe-webhook-secret') };
    });

    await withPlatform(async (client) => {
      expect(await client.send(new GetSecretValueCommand({ SecretId: arn }))).toMatchObject({
        Name: 'mytabs/local/deploy/kept',
        SecretString: 'v1',
      });
      await client.send(
        new PutSecretValueCommand({
          SecretId: 'mytabs/local/alpha/order-token-signing-key',
          SecretString: 'rotated-signing-key',
        }),
      );
      await client.send(
        new PutSecretValueCommand({ SecretId: 'mytabs/local/deploy/kept', SecretString: 'v2' }),
      );
    });

    await withPlatform(async (client, platform) => {
      const current = await client.send(
        new GetSecretValueCommand({ SecretId: 'mytabs/local/deploy/kept' }),
      );
      expect(current).toMatchObject({ ARN: arn, SecretString: 'v2' });
      const previous = await client.send(
        new GetSecretValueCommand({
          SecretId: 'mytabs/local/deploy/kept',
          VersionStage: 'AWSPREVIOUS',
        }),
      );
      expect(previous.SecretString).toBe('v1');
      expect(platform.secrets.value('order-token-signing-key')).toBe('rotated-signing-key');
      expect(platform.secrets.value('stripe-webhook-secret')).toBe(webhookSecret);
      await client.send(new DeleteSecretCommand({ SecretId: 'mytabs/local/deploy/kept' }));
    });

    await withPlatform(async (client) => {
      const scheduled = await client.send(
        new DescribeSecretCommand({ SecretId: 'mytabs/local/deploy/kept' }),
      );
      expect(scheduled.DeletedDate).toBeInstanceOf(Date);
      await expect(
        client.send(new GetSecretValueCommand({ SecretId: 'mytabs/local/deploy/kept' })),
      ).rejects.toThrow(MARKED_FOR_DELETION);
      await client.send(new RestoreSecretCommand({ SecretId: 'mytabs/local/deploy/kept' }));
    });

    await withPlatform(async (client) => {
      expect(
        (await client.send(new GetSecretValueCommand({ SecretId: 'mytabs/local/deploy/kept' })))
          .SecretString,
      ).toBe('v2');
      await client.send(
        new DeleteSecretCommand({
          SecretId: 'mytabs/local/deploy/forced',
          ForceDeleteWithoutRecovery: true,
        }),
      );
    });

    await withPlatform(async (client) => {
      await expect(
        client.send(new DescribeSecretCommand({ SecretId: 'mytabs/local/deploy/forced' })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException);
    });
  });

  it('still loads a secrets.json written before versions were kept (values by name)', async () => {
    const legacyDir = await mkdtemp(join(tmpdir(), 'mytabs-secrets-legacy-'));
    try {
      await writeFile(
        join(legacyDir, 'secrets.json'),
        JSON.stringify({ 'mytabs/local/alpha/stripe-webhook-secret': 'whsec_from_an_older_start' }),
      );
      const platform = await startPlatform({
        manifests: await loadManifests(fixtureRoot),
        dataDir: legacyDir,
        log: () => {},
        components: [secretsManager],
      });
      const client = new SecretsManagerClient(clientConfig(platform.endpoints.edge ?? ''));
      try {
        expect(
          (
            await client.send(
              new GetSecretValueCommand({ SecretId: 'mytabs/local/alpha/stripe-webhook-secret' }),
            )
          ).SecretString,
        ).toBe('whsec_from_an_older_start');
        expect(platform.secrets.value('order-token-signing-key')).toMatch(/^[\w-]{43,}$/);
      } finally {
        client.destroy();
        await platform.close();
      }
    } finally {
      await rm(legacyDir, { recursive: true, force: true });
    }
  });
});
