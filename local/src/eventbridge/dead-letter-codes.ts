import { AwsError } from '../edge/aws-service.ts';

/**
 * The `ERROR_CODE` EventBridge writes on a dead-lettered event: its own vocabulary, not the
 * target's exception name (which `ERROR_MESSAGE` keeps in its words).
 */
export const deadLetterErrorCode = (error: unknown): string => {
  if (!(error instanceof AwsError)) return 'CONNECTION_FAILURE';
  if (/NotFound|DoesNotExist/.test(error.code)) return 'NO_RESOURCE';
  if (/AccessDenied|NotAuthorized/.test(error.code)) return 'NO_PERMISSIONS';
  if (error.status === 429 || /Throttl|TooManyRequests/.test(error.code)) return 'THROTTLING';
  if (error.status >= 500) return 'INTERNAL_ERROR';
  return 'SDK_CLIENT_ERROR';
};
