import * as z from 'zod';
import type { PlatformComponent } from '../component.ts';
import { AwsError } from '../edge/aws-service.ts';
import { jsonProtocolService } from '../edge/json-protocol.ts';
import type { LocalSecret, LocalSecrets } from './local-secrets.ts';
import {
  CURRENT,
  type SecretVersion,
  stagesByVersionId,
  versionById,
  versionByStage,
} from './secret-versions.ts';
import { secretsErrors } from './secrets-errors.ts';

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

// The constraints of Secrets Manager's API model; the SDKs fill ClientRequestToken with a UUID.
const SecretId = z.string().min(1).max(2048);
const ClientRequestToken = z.string().min(32).max(64);
const SecretString = z.string().max(65536);
const SecretBinary = z.string();

const SecretIdInput = z.looseObject({ SecretId });

const GetValueInput = z.looseObject({
  SecretId,
  VersionId: z.string().min(32).max(64).optional(),
  VersionStage: z.string().min(1).max(256).optional(),
});

const CreateInput = z.looseObject({
  Name: z.string().min(1).max(512),
  ClientRequestToken: ClientRequestToken.optional(),
  Description: z.string().max(2048).optional(),
  SecretString: SecretString.optional(),
  SecretBinary: SecretBinary.optional(),
});

const PutInput = z.looseObject({
  SecretId,
  ClientRequestToken: ClientRequestToken.optional(),
  SecretString: SecretString.optional(),
  SecretBinary: SecretBinary.optional(),
  VersionStages: z.array(z.string().min(1).max(256)).min(1).max(20).optional(),
});

const DeleteInput = z.looseObject({
  SecretId,
  RecoveryWindowInDays: z.number().int().optional(),
  ForceDeleteWithoutRecovery: z.boolean().optional(),
});

const ListInput = z.looseObject({
  MaxResults: z.number().int().min(1).max(100).default(100),
  NextToken: z.string().optional(),
  IncludePlannedDeletion: z.boolean().default(false),
  Filters: z
    .array(z.object({ Key: z.string(), Values: z.array(z.string()).default([]) }))
    .default([]),
});

/** ASCII letters, digits and `/_+=.@-`, plus the `!` of the secrets AWS services own. */
const SECRET_NAME = /^[A-Za-z0-9/_+=.@!-]+$/;

const secretOf = (secrets: LocalSecrets, id: string) => {
  const secret = secrets.find(id);
  if (!secret) throw secretsErrors.notFound();
  return secret;
};

/** A secret whose value may be read or changed: not one scheduled for deletion. */
const liveSecretOf = (secrets: LocalSecrets, id: string) => {
  const secret = secretOf(secrets, id);
  if (secret.deletionDate) throw secretsErrors.markedForDeletion();
  return secret;
};

/** Local values are strings only: SecretBinary is refused rather than silently dropped. */
const stringValueOf = (input: { SecretString?: string | undefined; SecretBinary?: unknown }) => {
  if (input.SecretBinary !== undefined) throw secretsErrors.binaryUnsupported();
  return input.SecretString;
};

const versionAsked = (
  secret: LocalSecret,
  versionId: string | undefined,
  stage: string | undefined,
): SecretVersion => {
  if (versionId !== undefined) {
    const version = versionById(secret.versions, versionId);
    if (!version) throw secretsErrors.valueNotFound('VersionId', versionId);
    if (stage !== undefined && !version.stages.includes(stage)) {
      throw secretsErrors.stageNotOnVersion();
    }
    return version;
  }
  const label = stage ?? CURRENT;
  const version = versionByStage(secret.versions, label);
  if (!version) throw secretsErrors.valueNotFound('staging label', label);
  return version;
};

const description = (secret: LocalSecret) => ({
  ARN: secret.arn,
  Name: secret.name,
  ...(secret.description === undefined ? {} : { Description: secret.description }),
  CreatedDate: epochSeconds(secret.createdAt),
  LastChangedDate: epochSeconds(secret.lastChangedAt),
  ...(secret.deletionDate ? { DeletedDate: epochSeconds(secret.deletionDate) } : {}),
  RotationEnabled: false,
  Tags: [],
});

/** `name` and `all` filters match by prefix, as Secrets Manager's do; `!` negates. */
const matchesFilters = (secret: LocalSecret, filters: z.infer<typeof ListInput>['Filters']) =>
  filters.every(({ Key, Values }) => {
    const text = secret.description === undefined ? [] : [secret.description];
    const fields =
      Key === 'name'
        ? [secret.name]
        : Key === 'all'
          ? [secret.name, ...text]
          : Key === 'description'
            ? text
            : [];
    return Values.some((value) =>
      value.startsWith('!')
        ? !fields.some((f) => f.startsWith(value.slice(1)))
        : fields.some((f) => f.startsWith(value)),
    );
  });

const DEFAULT_RECOVERY_DAYS = 30;

/**
 * Secrets Manager (JSON 1.1, `secretsmanager.*`): the secrets the manifests name, seeded at start,
 * and what a deploy step does to secrets: CreateSecret, PutSecretValue (AWSCURRENT moves, the value
 * it left stays readable as AWSPREVIOUS), DeleteSecret and RestoreSecret.
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
          const { SecretId, VersionId, VersionStage } = parse(GetValueInput, input);
          const secret = liveSecretOf(secrets, SecretId);
          const version = versionAsked(secret, VersionId, VersionStage);
          return {
            ARN: secret.arn,
            Name: secret.name,
            VersionId: version.id,
            SecretString: version.value,
            VersionStages: version.stages,
            CreatedDate: epochSeconds(version.createdAt),
          };
        },
        DescribeSecret: (input) => {
          const secret = secretOf(secrets, parse(SecretIdInput, input).SecretId);
          return { ...description(secret), VersionIdsToStages: stagesByVersionId(secret.versions) };
        },
        ListSecrets: (input) => {
          const { MaxResults, NextToken, IncludePlannedDeletion, Filters } = parse(
            ListInput,
            input,
          );
          const start = NextToken === undefined ? 0 : Number.parseInt(NextToken, 10);
          if (!Number.isInteger(start) || start < 0) {
            throw new AwsError('InvalidNextTokenException', 'The NextToken value is invalid.');
          }
          const all = secrets
            .list()
            .filter((s) => IncludePlannedDeletion || !s.deletionDate)
            .filter((s) => matchesFilters(s, Filters))
            .sort((a, b) => a.name.localeCompare(b.name));
          const page = all.slice(start, start + MaxResults);
          return {
            SecretList: page.map((s) => ({
              ...description(s),
              SecretVersionsToStages: stagesByVersionId(s.versions),
            })),
            ...(start + MaxResults < all.length ? { NextToken: String(start + MaxResults) } : {}),
          };
        },
        CreateSecret: (input) => {
          const request = parse(CreateInput, input);
          if (!SECRET_NAME.test(request.Name)) throw secretsErrors.invalidName();
          const { secret, version } = secrets.create({
            name: request.Name,
            value: stringValueOf(request),
            description: request.Description,
            token: request.ClientRequestToken,
          });
          return {
            ARN: secret.arn,
            Name: secret.name,
            ...(version ? { VersionId: version.id } : {}),
          };
        },
        PutSecretValue: (input) => {
          const request = parse(PutInput, input);
          const secret = liveSecretOf(secrets, request.SecretId);
          const value = stringValueOf(request);
          if (value === undefined) throw secretsErrors.noValue();
          const version = secrets.putValue(secret, {
            value,
            token: request.ClientRequestToken,
            stages: request.VersionStages,
          });
          return {
            ARN: secret.arn,
            Name: secret.name,
            VersionId: version.id,
            VersionStages: version.stages,
          };
        },
        DeleteSecret: (input) => {
          const { SecretId, RecoveryWindowInDays, ForceDeleteWithoutRecovery } = parse(
            DeleteInput,
            input,
          );
          if (
            RecoveryWindowInDays !== undefined &&
            (RecoveryWindowInDays < 7 || RecoveryWindowInDays > 30)
          ) {
            throw secretsErrors.recoveryWindow();
          }
          if (ForceDeleteWithoutRecovery && RecoveryWindowInDays !== undefined) {
            throw secretsErrors.forceWithWindow();
          }
          const secret = secrets.find(SecretId);
          if (ForceDeleteWithoutRecovery) {
            // AWS answers a forced delete of a secret that is already gone without an error.
            if (secret) secrets.remove(secret);
            return {
              ...(secret ? { ARN: secret.arn } : {}),
              Name: secret?.name ?? SecretId,
              DeletionDate: epochSeconds(new Date()),
            };
          }
          if (!secret) throw secretsErrors.notFound();
          const deletionDate = secrets.scheduleDeletion(
            secret,
            RecoveryWindowInDays ?? DEFAULT_RECOVERY_DAYS,
          );
          return { ARN: secret.arn, Name: secret.name, DeletionDate: epochSeconds(deletionDate) };
        },
        RestoreSecret: (input) => {
          const secret = secretOf(secrets, parse(SecretIdInput, input).SecretId);
          secrets.restore(secret);
          return { ARN: secret.arn, Name: secret.name };
        },
      },
    });
    return { services: [service], close: async () => {} };
  },
};
