import { describe, expect, it } from 'vitest';
import { issueOrderToken, verifyOrderToken } from '../../src/domain/order-token.ts';

const secret = 'a-local-order-token-signing-key-of-32-bytes';

describe('order tokens', () => {
  it('grant the order they were issued for', async () => {
    const token = await issueOrderToken('ord_01JD8ZK6X2Q4', secret);
    expect(await verifyOrderToken(token, secret)).toBe('ord_01JD8ZK6X2Q4');
  });

  it('are refused once expired', async () => {
    const token = await issueOrderToken('ord_01JD8ZK6X2Q4', secret, {
      now: new Date('2026-01-01T00:00:00Z'),
      ttlS: 60,
    });
    expect(await verifyOrderToken(token, secret, { now: new Date('2026-01-01T00:02:00Z') })).toBe(
      undefined,
    );
  });

  it('are refused when signed with another key or tampered with', async () => {
    const token = await issueOrderToken('ord_01JD8ZK6X2Q4', secret);
    expect(await verifyOrderToken(token, `${secret}-other`)).toBe(undefined);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'ord_SOMEONEELSE', scope: 'order' })).toString(
      'base64url',
    );
    expect(await verifyOrderToken(`${header}.${forged}.${signature}`, secret)).toBe(undefined);
  });
});
