import * as z from 'zod';
import type { PlatformComponent } from '../component.ts';
import { AwsError } from '../edge/aws-service.ts';
import { jsonProtocolService } from '../edge/json-protocol.ts';
import type { LocalSecret, LocalSecrets } from './local-secrets.ts';

const epochSeconds = (date: Date) => date.getTime() / 1000;

const parse = <T extends z.ZodType>(schema: T, input: unknown): z.infer<T> => {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AwsError(
      'ValidationException',
      `1 validation error detected: Value at '${issue?.path.join('.')}' failed to satisfy constraint: ${issue?.message}`,
    );
  }
  return result.data;
};

const SecretIdInput = z.looseObject({
  SecretId: z.string().min(1).max(2048),
  VersionId: z.string().optional(),
  VersionStage: z.string().optional(),
});

const ListInput = z.looseObject({
  MaxResults: z.number().int().min(1).max(100).default(100),
  NextToken: z.string().optional(),
  Filters: z
    .array(z.object({ Key: z.string(), Values: z.array(z.string()).default([]) }))
    .default([]),
});

const notFound = () =>
  new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");

const secretOf = (secrets: LocalSecrets, id: string) => {
  const secret = secrets.find(id);
  if (!secret) throw notFound();
  return secret;
};

const description = (secret: LocalSecret) => ({
  ARN: secret.arn,
  Name: secret.name,
  Description: `Local value of the manifest secret ${secret.key}`,
  CreatedDate: epochSeconds(secret.createdAt),
  LastChangedDate: epochSeconds(secret.createdAt),
  RotationEnabled: false,
  Tags: [],
});

/** `name` and `all` filters match by prefix, as Secrets Manager's do; `!` negates. */
const matchesFilters = (secret: LocalSecret, filters: z.infer<typeof ListInput>['Filters']) =>
  filters.every(({ Key, Values }) => {
    const fields =
      Key === 'name'
        ? [secret.name]
        : Key === 'all'
          ? [secret.name, description(secret).Description]
          : Key === 'description'
            ? [description(secret).Description]
            : [];
    return Values.some((value) =>
      value.startsWith('!')
        ? !fields.some((f) => f.startsWith(value.slice(1)))
        : fields.some((f) => f.startsWith(value)),
    );
  });

/**
 * Secrets Manager (JSON 1.1, `secretsmanager.*`): reads of the secrets the manifests name, with
 * the values seeded at start. Secrets are read-only locally: there is no Create/Put/Rotate.
 */
export const secretsManager: PlatformComponent = {
  name: 'secretsmanager',
  async start({ secrets }) {
    const service = jsonProtocolService({
      name: 'secretsmanager',
      targetPrefix: 'secretsmanager',
      version: '1.1',
      operations: {
        GetSecretValue: (input) => {
          const { SecretId, VersionId, VersionStage } = parse(SecretIdInput, input);
          const secret = secretOf(secrets, SecretId);
          if (
            (VersionId !== undefined && VersionId !== secret.versionId) ||
            (VersionStage !== undefined && VersionStage !== 'AWSCURRENT')
          ) {
            throw new AwsError(
              'ResourceNotFoundException',
              "Secrets Manager can't find the specified secret value for the version.",
            );
          }
          return {
            ARN: secret.arn,
            Name: secret.name,
            VersionId: secret.versionId,
            SecretString: secret.value,
            VersionStages: ['AWSCURRENT'],
            CreatedDate: epochSeconds(secret.createdAt),
          };
        },
        DescribeSecret: (input) => {
          const secret = secretOf(secrets, parse(SecretIdInput, input).SecretId);
          return {
            ...description(secret),
            VersionIdsToStages: { [secret.versionId]: ['AWSCURRENT'] },
          };
        },
        ListSecrets: (input) => {
          const { MaxResults, NextToken, Filters } = parse(ListInput, input);
          const start = NextToken === undefined ? 0 : Number.parseInt(NextToken, 10);
          if (!Number.isInteger(start) || start < 0) {
            throw new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.');
          }
          const all = secrets
            .list()
            .filter((s) => matchesFilters(s, Filters))
            .sort((a, b) => a.name.localeCompare(b.name));
          const page = all.slice(start, start + MaxResults);
          return {
            SecretList: page.map((s) => ({
              ...description(s),
              SecretVersionsToStages: { [s.versionId]: ['AWSCURRENT'] },
            })),
            ...(start + MaxResults < all.length ? { NextToken: String(start + MaxResults) } : {}),
          };
        },
      },
    });
    return { services: [service], close: async () => {} };
  },
};
