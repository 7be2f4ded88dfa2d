import { PutSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { credentialsFor, localNames, type RepoPlatform, startRepoPlatform } from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buyDemoTickets } from './bought-order.ts';
import { inbox } from './received-email.ts';

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform({ seed: true });
  // What CloudFormation leaves in a secret an operator has not put yet: 32 random characters.
  const secrets = new SecretsManagerClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentialsFor('operator'),
  });
  for (const name of ['apple-pass-certificate', 'google-wallet-service-account']) {
    await secrets.send(
      new PutSecretValueCommand({
        SecretId: localNames.secret('notifications', name),
        SecretString: 'q8Lr2vXk9TzP4mWc7Hn1Bs6Jd3Fy5Ga0',
      }),
    );
  }
}, 60_000);
afterAll(() => local?.close());

it('before the wallet credentials are put, the tickets still go out: no Google link, and a pass download answers 503', async () => {
  const { order, orderToken } = await buyDemoTickets(local, 'no.wallet@example.com', 1);
  const [email] = await inbox(local.endpoints.ses, 'no.wallet@example.com');
  expect(email?.body.text).toContain('Add to Apple Wallet');
  expect(email?.body.text).not.toContain('pay.google.com');
  const ticketId = order.tickets[0]?.ticketId;
  const get = (path: string) =>
    fetch(`${local.endpoints.api}/orders/${order.orderId}/${path}`, {
      headers: { authorization: `Bearer ${orderToken}` },
    });
  const pass = await get(`tickets/${ticketId}.pkpass`);
  expect(pass.status).toBe(503);
  expect(((await pass.json()) as { code: string }).code).toBe('wallet-not-configured');
  expect((await get('tickets.pdf')).status).toBe(200);
}, 90_000);
