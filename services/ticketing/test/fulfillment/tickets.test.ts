import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { AttendeeEntry, OrderSnapshot } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { attendeesCsv } from '../../src/domain/attendees-csv.ts';
import { allTicketsIssued } from '../../src/domain/issue-tickets.ts';
import { planTickets } from '../../src/domain/ticket.ts';
import { signTicketQr, ticketPublicKeyPem, verifyTicketQr } from '../../src/domain/ticket-qr.ts';

const order = {
  orderId: 'ord_0123456789abcdef',
  eventId: 'ev_0123456789',
  businessId: 'biz_0123456789',
  buyer: { name: 'Bea Buyer', email: 'bea@example.com' },
  attendees: [
    { name: 'Ann One', email: 'ann@example.com' },
    { name: 'Bob Two', email: 'bob@example.com' },
  ],
  lines: [
    { ticketTypeId: 'tt_general', name: 'General', quantity: 2, unitPrice: 4500, amount: 9000 },
    { ticketTypeId: 'tt_vip_tier', name: 'VIP', quantity: 2, unitPrice: 9000, amount: 18000 },
  ],
} as unknown as OrderSnapshot;

describe('planTickets', () => {
  it('gives one ticket per seat, ids from line and seat, named attendees first then the buyer', () => {
    const tickets = planTickets(order);
    expect(tickets.map((t) => [t.ticketId, t.ticketTypeId, t.attendee.name])).toEqual([
      ['tkt_ord_0123456789abcdef_0_0', 'tt_general', 'Ann One'],
      ['tkt_ord_0123456789abcdef_0_1', 'tt_general', 'Bob Two'],
      ['tkt_ord_0123456789abcdef_1_0', 'tt_vip_tier', 'Bea Buyer'],
      ['tkt_ord_0123456789abcdef_1_1', 'tt_vip_tier', 'Bea Buyer'],
    ]);
    expect(planTickets(order)).toEqual(tickets);
  });
});

describe('allTicketsIssued', () => {
  const hold = {
    orderId: order.orderId,
    eventId: order.eventId,
    lines: order.lines.map((l) => ({ ticketTypeId: l.ticketTypeId, quantity: l.quantity })),
    expiresAt: '2026-12-01T12:15:00Z',
    state: 'confirmed' as const,
    createdAt: '2026-12-01T12:00:00Z',
  };
  const written = planTickets(order).map((t) => ({ ...t, qr: 'qr' }));

  it('holds once every seat the hold paid for has its ticket, not while some are missing', () => {
    expect(allTicketsIssued(hold, written)).toBe(true);
    expect(allTicketsIssued(hold, written.slice(0, 3))).toBe(false);
    expect(allTicketsIssued(hold, [])).toBe(false);
    expect(allTicketsIssued(undefined, written.slice(0, 1))).toBe(true);
  });
});

describe('ticket QR codes', () => {
  const { privateKey } = generateKeyPairSync('ed25519');
  const claims = {
    ticketId: 'tkt_ord_0123456789abcdef_0_0',
    ticketTypeId: 'tt_general',
    orderId: 'ord_0123456789abcdef',
    eventId: 'ev_0123456789',
  };

  it('verifies offline with the public key alone, and is the same for the same ticket', () => {
    const qr = signTicketQr(claims, privateKey);
    const publicKey = createPublicKey(ticketPublicKeyPem(privateKey));
    expect(verifyTicketQr(qr, publicKey)).toEqual({ ...claims, generation: 0 });
    // A reissued ticket's code differs, and says which generation it is.
    const reissued = signTicketQr({ ...claims, generation: 1 }, privateKey);
    expect(reissued).not.toBe(qr);
    expect(verifyTicketQr(reissued, publicKey)?.generation).toBe(1);
    expect(signTicketQr(claims, privateKey)).toBe(qr);
    expect(qr.length).toBeLessThan(300);
  });

  it('refuses an altered payload, another key, and anything that is not a code', () => {
    const qr = signTicketQr(claims, privateKey);
    const [version, , signature] = qr.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({
        t: claims.ticketId,
        y: claims.ticketTypeId,
        o: claims.orderId,
        e: 'ev_other0000',
      }),
    ).toString('base64url');
    const publicKey = createPublicKey(privateKey);
    expect(verifyTicketQr(`${version}.${forgedPayload}.${signature}`, publicKey)).toBeUndefined();
    const other = generateKeyPairSync('ed25519').publicKey;
    expect(verifyTicketQr(qr, other)).toBeUndefined();
    for (const junk of ['', 'hello', 'mtt1..', `${qr}.x`, 'mtt1.e30.AAAA']) {
      expect(verifyTicketQr(junk, publicKey)).toBeUndefined();
    }
  });
});

describe('attendeesCsv', () => {
  it('writes the header and quotes commas, quotes, line breaks and formula starts', () => {
    const entry = (name: string, extra: Partial<AttendeeEntry> = {}) =>
      ({
        ticketId: 'tkt_ord_1234_0_0',
        ticketTypeId: 'tt_general',
        orderId: 'ord_1234',
        name,
        email: 'a@example.com',
        checkedIn: false,
        ...extra,
      }) as AttendeeEntry;
    const csv = attendeesCsv([
      entry('Smith, Jo'),
      entry('Jo "JJ" Smith', { checkedIn: true, checkedInAt: '2026-11-25T18:00:00Z' as never }),
      entry('two\nlines'),
      entry('=HYPERLINK("x")'),
    ]);
    expect(csv.split('\r\n')).toEqual([
      'ticketId,ticketTypeId,orderId,name,email,checkedIn,checkedInAt',
      'tkt_ord_1234_0_0,tt_general,ord_1234,"Smith, Jo",a@example.com,false,',
      'tkt_ord_1234_0_0,tt_general,ord_1234,"Jo ""JJ"" Smith",a@example.com,true,2026-11-25T18:00:00Z',
      'tkt_ord_1234_0_0,tt_general,ord_1234,"two\nlines",a@example.com,false,',
      `tkt_ord_1234_0_0,tt_general,ord_1234,"'=HYPERLINK(""x"")",a@example.com,false,`,
      '',
    ]);
  });
});
