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

  it('last a week, or until the day asked for when later, never more than a year', async () => {
    const now = new Date('2026-01-01T00:00:00Z');
    const valid = async (validUntil: string | undefined, on: string) =>
      verifyOrderToken(
        await issueOrderToken('ord_01JD8ZK6X2Q4', secret, {
          now,
          ...(validUntil && { validUntil: new Date(validUntil) }),
        }),
        secret,
        { now: new Date(on) },
      );
    expect(await valid(undefined, '2026-01-07T23:00:00Z')).toBe('ord_01JD8ZK6X2Q4');
    expect(await valid(undefined, '2026-01-08T01:00:00Z')).toBe(undefined);
    expect(await valid('2026-01-02T00:00:00Z', '2026-01-07T23:00:00Z')).toBe('ord_01JD8ZK6X2Q4');
    expect(await valid('2026-06-30T00:00:00Z', '2026-06-29T00:00:00Z')).toBe('ord_01JD8ZK6X2Q4');
    expect(await valid('2026-06-30T00:00:00Z', '2026-06-30T01:00:00Z')).toBe(undefined);
    expect(await valid('2030-01-01T00:00:00Z', '2027-01-03T00:00:00Z')).toBe(undefined);
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
