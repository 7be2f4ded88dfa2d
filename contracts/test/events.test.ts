import { describe, expect, it } from 'vitest';
import { catalog } from '../src/events/catalog.ts';
import { type EventContract, EventContractError } from '../src/events/define-event.ts';

const contracts = Object.entries(catalog) as [string, EventContract][];
const options = { idempotencyKey: 'PaymentSucceeded:pi_1', correlationId: 'ord_01JD8ZK6X2Q4' };

/** Builds an event's first example and lets `change` break its detail before parsing. */
const exampleDetail = (contract: EventContract) =>
  structuredClone(contract.build(contract.examples[0] as never, options).detail) as {
    metadata: Record<string, unknown>;
    data: Record<string, unknown>;
  };

const errorOf = (fn: () => unknown): EventContractError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof EventContractError) return error;
    throw error;
  }
  throw new Error('expected an EventContractError');
};

describe('the event catalog', () => {
  it('holds every event of the catalog and the membership events, each under its own detail type', () => {
    expect(Object.keys(catalog).sort()).toEqual(
      [
        'OrderPlaced',
        'SeatsHeld',
        'HoldExpired',
        'HoldReleased',
        'PaymentSucceeded',
        'PaymentFailed',
        'PaymentCanceled',
        'PaymentRefunded',
        'PaymentDisputed',
        'TicketsIssued',
        'AttendeesRecorded',
        'OrderFulfilled',
        'OrderCanceled',
        'OrderFailed',
        'OrderRefunded',
        'TicketsVoided',
        'TicketReissued',
        'EmailSent',
        'EmailBounced',
        'EmailComplained',
        'CheckedIn',
        'UserRegistered',
        'BusinessCreated',
        'EventPublished',
        'EventChanged',
        'MemberInvited',
        'MemberAdded',
        'MemberRoleChanged',
        'MemberRemoved',
        'EventCanceled',
        'InvitationCanceled',
      ].sort(),
    );
    for (const [name, contract] of contracts) {
      expect(contract.detailType).toBe(name);
      expect(contract.source).toMatch(
        /^mytabs\.(orders|payments|ticketing|notifications|identity)$/,
      );
      expect(contract.description.length).toBeGreaterThan(20);
    }
  });

  describe.each(contracts)('%s', (_name, contract) => {
    it('builds and parses every example unchanged', () => {
      for (const example of contract.examples) {
        const entry = contract.build(example as never, options);
        expect(entry.Source).toBe(contract.source);
        expect(entry.DetailType).toBe(contract.detailType);
        expect(entry.detail.data).toEqual(example);
        expect(entry.detail.metadata.version).toBe(contract.version);
        expect(contract.parse(JSON.parse(entry.Detail))).toEqual(entry.detail);
      }
    });

    it('refuses a missing field, naming it', () => {
      const detail = exampleDetail(contract);
      const [field] = Object.keys(detail.data);
      delete detail.data[field as string];
      const error = errorOf(() => contract.parse(detail));
      expect(error.issues.map((i) => i.path)).toContain(`data.${field}`);
      expect(error.message).toContain(`${contract.detailType}: data.${field}:`);
    });

    it('refuses a mistyped field, naming it', () => {
      const detail = exampleDetail(contract);
      const [field] = Object.keys(detail.data);
      detail.data[field as string] = 42;
      expect(errorOf(() => contract.parse(detail)).issues.map((i) => i.path)).toEqual([
        `data.${field}`,
      ]);
      expect(() => contract.build(detail.data as never, options)).toThrow(`data.${field}`);
    });

    it('producers refuse an unknown field, consumers drop it', () => {
      const detail = exampleDetail(contract);
      const withExtra = { ...detail.data, surprise: 'x' };
      expect(errorOf(() => contract.build(withExtra as never, options)).issues).toEqual([
        { path: 'data.surprise', message: 'unknown field' },
      ]);
      const parsed = contract.parse({ ...detail, data: withExtra, extraEnvelope: 1 });
      expect(parsed).toEqual(detail);
    });

    it('has a pattern selecting its source, detail type and version', () => {
      const version = { detail: { metadata: { version: [contract.version] } } };
      expect(contract.pattern).toEqual({
        source: [contract.source],
        'detail-type': [contract.detailType],
        ...version,
      });
      expect(contract.cdkPattern).toEqual({
        source: [contract.source],
        detailType: [contract.detailType],
        ...version,
      });
    });
  });
});

describe('strict building', () => {
  const { TicketsIssued, OrderPlaced } = catalog;
  const [issued] = TicketsIssued.examples;
  const [placed] = OrderPlaced.examples;

  it('refuses an unknown field deep inside arrays and objects, naming its path', () => {
    const tickets = issued.tickets.map((t, i) =>
      i === 1 ? { ...t, attendee: { name: 'Bo', email: 'bo@example.com', age: 7 } } : t,
    );
    expect(errorOf(() => TicketsIssued.build({ ...issued, tickets }, options)).issues).toEqual([
      { path: 'data.tickets.1.attendee.age', message: 'unknown field' },
    ]);
  });

  it('names the path of a bad nested value', () => {
    const lines = [{ ...placed.lines[0], unitPrice: 25.5 }];
    const error = errorOf(() => OrderPlaced.build({ ...placed, lines } as never, options));
    expect(error.issues.map((i) => i.path)).toEqual(['data.lines.0.unitPrice']);
  });

  it('refuses a version the contract does not speak', () => {
    const detail = exampleDetail(OrderPlaced);
    detail.metadata.version = 2;
    expect(() => OrderPlaced.parse(detail)).toThrow('metadata.version');
  });

  it('stamps the metadata producers pass, with an ISO UTC time', () => {
    const occurredAt = new Date('2026-11-25T18:00:00.000Z');
    const { detail } = OrderPlaced.build(placed, { ...options, occurredAt });
    expect(detail.metadata).toMatchObject({
      occurredAt: '2026-11-25T18:00:00.000Z',
      idempotencyKey: options.idempotencyKey,
      correlationId: options.correlationId,
    });
  });
});
