/**
 * Prints the public key door scanners verify ticket codes with (SPKI PEM), derived from the
 * Ed25519 private key in Secrets Manager; the private key itself never leaves this process.
 *
 *   npx tsx scripts/ticket-public-key.ts <secret id or ARN>
 *
 * Against the local platform: `AWS_ENDPOINT_URL=http://127.0.0.1:4566 AWS_REGION=us-east-1
 * AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local npx tsx scripts/ticket-public-key.ts
 * mytabs/ticket-ed25519-key`. On AWS, the secret of the ticketing stack's `ticket-ed25519-key`.
 * The key changes only when the secret is rotated; scanners fetch it again then.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { ticketPublicKeyPem, ticketSigningKey } from '../src/domain/ticket-qr.ts';

const secretId = process.argv[2];
if (!secretId) {
  console.error('usage: ticket-public-key.ts <secret id or ARN>');
  process.exit(2);
}
const { SecretString } = await new SecretsManagerClient({}).send(
  new GetSecretValueCommand({ SecretId: secretId }),
);
process.stdout.write(ticketPublicKeyPem(ticketSigningKey(SecretString ?? '')));
