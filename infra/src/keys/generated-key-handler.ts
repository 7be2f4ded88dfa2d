import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { ensureKey } from './ensure-key.ts';
import { secretsManagerKeyStore } from './key-store.ts';

/** A scheduled deletion can be undone for this long (a dev stack deleted and deployed again). */
const RECOVERY_DAYS = 7;

/** CloudFormation hands every property over as a string. */
const KeyProperties = z.object({
  SecretName: z.string().min(1),
  KeyKind: z.enum(['ed25519-private-key', 'hmac-key']),
  KeyVersion: z.coerce.number().int().min(1),
  Description: z.string(),
  Retain: z.enum(['true', 'false']),
});

const KeyEvent = z.discriminatedUnion('RequestType', [
  z.object({ RequestType: z.literal('Create'), ResourceProperties: KeyProperties }),
  z.object({
    RequestType: z.literal('Update'),
    ResourceProperties: KeyProperties,
    OldResourceProperties: KeyProperties.partial(),
  }),
  z.object({ RequestType: z.literal('Delete'), ResourceProperties: KeyProperties }),
]);

const client = new SecretsManagerClient({});

/**
 * The key resource (CDK Provider framework `onEvent`): a key of our own, generated in AWS and
 * never in a template, a parameter or a log. Only the outcome is logged.
 */
export const handler = async (event: unknown) => {
  const parsed = KeyEvent.parse(event);
  const props = parsed.ResourceProperties;
  const store = secretsManagerKeyStore(client);
  if (parsed.RequestType === 'Delete') {
    if (props.Retain === 'false') await store.scheduleDeletion(props.SecretName, RECOVERY_DAYS);
    console.log(
      `${props.SecretName}: ${props.Retain === 'true' ? 'kept' : `deletion scheduled in ${RECOVERY_DAYS} days`}`,
    );
    return { PhysicalResourceId: props.SecretName };
  }
  const previous =
    parsed.RequestType === 'Update' ? parsed.OldResourceProperties.KeyVersion : undefined;
  const outcome = await ensureKey(
    store,
    {
      name: props.SecretName,
      kind: props.KeyKind,
      version: props.KeyVersion,
      description: props.Description,
    },
    { rotate: previous !== undefined && props.KeyVersion > previous },
  );
  console.log(`${props.SecretName}: ${outcome} (version ${props.KeyVersion})`);
  return { PhysicalResourceId: props.SecretName };
};
