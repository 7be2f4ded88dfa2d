import { createHash } from 'node:crypto';
import { ACCOUNT, REGION } from '../naming.ts';

/** The one REST API, as the event and ARNs a handler or the authorizer sees name it. */
export const restApi = {
  /** API Gateway ids are 10 lower-case alphanumerics; a fixed one keeps method ARNs stable. */
  apiId: 'mytabslocl',
  stage: 'prod',
  /** API Gateway's hard limit on a request payload. */
  maxPayloadBytes: 10 * 1024 * 1024,
} as const;

/**
 * Whether a content type is one of the plan's binary media types (API Gateway's
 * `binaryMediaTypes`): such bodies reach the handler base64-encoded with `isBase64Encoded: true`.
 */
export const isBinaryMediaType = (
  binaryMediaTypes: readonly string[],
  contentType: string | undefined,
) => {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (!type) return false;
  return binaryMediaTypes.some((pattern) =>
    pattern === '*/*'
      ? true
      : pattern.endsWith('/*')
        ? type.startsWith(pattern.slice(0, -1))
        : type === pattern,
  );
};

/** `arn:aws:execute-api:<region>:<account>:<apiId>/<stage>/<METHOD>/<path without leading slash>`. */
export const methodArn = (method: string, path: string) =>
  `arn:aws:execute-api:${REGION}:${ACCOUNT}:${restApi.apiId}/${restApi.stage}/${method}${path}`;

/** A stable resource id per resource path, like the 6-character ids API Gateway assigns. */
export const resourceId = (resourcePath: string) =>
  createHash('sha256').update(resourcePath).digest('hex').slice(0, 6);
