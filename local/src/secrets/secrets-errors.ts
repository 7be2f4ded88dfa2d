import { AwsError } from '../edge/aws-service.ts';

/** Secrets Manager's errors, with the messages AWS answers them with (callers match on them). */
export const secretsErrors = {
  notFound: () =>
    new AwsError('ResourceNotFoundException', "Secrets Manager can't find the specified secret."),
  valueNotFound: (by: 'VersionId' | 'staging label', id: string) =>
    new AwsError(
      'ResourceNotFoundException',
      `Secrets Manager can't find the specified secret value for ${by}: ${id}`,
    ),
  stageNotOnVersion: () =>
    new AwsError(
      'InvalidRequestException',
      'You provided a VersionStage that is not associated to the provided VersionId.',
    ),
  markedForDeletion: () =>
    new AwsError(
      'InvalidRequestException',
      "You can't perform this operation on the secret because it was marked for deletion.",
    ),
  nameScheduledForDeletion: () =>
    new AwsError(
      'InvalidRequestException',
      "You can't create this secret because a secret with this name is already scheduled for deletion.",
    ),
  exists: (name: string) =>
    new AwsError(
      'ResourceExistsException',
      `The operation failed because the secret ${name} already exists.`,
    ),
  tokenInUse: (token: string, arn: string) =>
    new AwsError(
      'ResourceExistsException',
      `You can't use ClientRequestToken ${token} because that value is already in use for a version of secret ${arn}.`,
    ),
  invalidName: () =>
    new AwsError(
      'ValidationException',
      'Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!',
    ),
  noValue: () =>
    new AwsError(
      'InvalidRequestException',
      'You must provide either SecretString or SecretBinary.',
    ),
  binaryUnsupported: () =>
    // Local only: every secret the services use is a string, so binary values are not kept.
    new AwsError(
      'InvalidParameterException',
      'The local Secrets Manager keeps SecretString values only; SecretBinary is not supported.',
    ),
  recoveryWindow: () =>
    new AwsError(
      'InvalidParameterException',
      'The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).',
    ),
  forceWithWindow: () =>
    new AwsError(
      'InvalidParameterException',
      "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.",
    ),
};
