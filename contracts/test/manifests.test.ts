import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { eventNames } from '../src/events/catalog.ts';
import { findManifestProblems } from '../src/manifest/check-manifests.ts';
import { loadManifests } from '../src/manifest/load-manifests.ts';
import { ServiceManifest, type ServiceManifestInput } from '../src/manifest/service-manifest.ts';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const problemsOf = (...inputs: ServiceManifestInput[]) =>
  findManifestProblems(
    inputs.map((i) => ServiceManifest.parse(i)),
    { eventNames },
  );

const fn = (extra: object = {}) => ({ entry: 'src/handlers/x.ts', ...extra });

describe('the repository manifests', () => {
  it('every service manifest validates, alone and as a set', async () => {
    const loaded = await loadManifests(repoRoot);
    expect(loaded.map((l) => l.manifest.service)).toEqual([
      'identity',
      'notifications',
      'orders',
      'payments',
      'ticketing',
    ]);
    for (const { manifest } of loaded) expect(manifest.table).toBeDefined();
  });
});

describe('a single manifest', () => {
  it('refuses an unknown grant, naming it', () => {
    const result = ServiceManifest.safeParse({
      service: 'payments',
      functions: { pay: fn({ uses: { table: ['PutItem'], queue: true } }) },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['queue'],
      path: ['functions', 'pay', 'uses'],
    });
  });

  it("takes DynamoDB actions by name only, each once, a transaction with its items' actions", () => {
    const tableIssues = (table: unknown) =>
      ServiceManifest.safeParse({
        service: 'orders',
        functions: { a: fn({ uses: { table } }) },
      }).error?.issues.map((i) => i.message) ?? [];
    expect(tableIssues(['GetItem', 'Query', 'PutItem'])).toEqual([]);
    expect(tableIssues(['TransactWriteItems', 'PutItem', 'ConditionCheckItem'])).toEqual([]);
    expect(tableIssues('write')).toHaveLength(1);
    expect(tableIssues(['GetItem', 'dynamodb:PutItem', 'Truncate'])).toHaveLength(2);
    expect(tableIssues([])).toEqual([
      'list the DynamoDB actions the function calls, or leave table out',
    ]);
    expect(tableIssues(['GetItem', 'GetItem'])).toEqual(['names an action twice']);
    expect(tableIssues(['TransactWriteItems', 'GetItem'])).toEqual([
      'TransactWriteItems is authorized item by item: list the actions its items need (PutItem, UpdateItem, DeleteItem, ConditionCheckItem)',
    ]);
    expect(tableIssues(['TransactGetItems'])).toEqual([
      'TransactGetItems is authorized item by item: list GetItem too',
    ]);
    expect(tableIssues(['ConditionCheckItem', 'PutItem'])).toEqual([
      'ConditionCheckItem exists only inside TransactWriteItems: list it too',
    ]);
  });

  it('refuses a route without an auth mode', () => {
    const result = ServiceManifest.safeParse({
      service: 'orders',
      functions: { getOrder: fn({ http: { method: 'GET', path: '/orders/{orderId}' } }) },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['functions', 'getOrder', 'http', 'auth']);
  });

  it("refuses an API function that outlives API Gateway's 29 s", () => {
    const result = ServiceManifest.safeParse({
      service: 'orders',
      functions: {
        slow: fn({ timeoutS: 30, http: { method: 'GET', path: '/slow', auth: 'public' } }),
      },
    });
    expect(result.error?.issues[0]?.path).toEqual(['functions', 'slow', 'timeoutS']);
  });

  it('fills the defaults a runtime relies on', () => {
    const m = ServiceManifest.parse({ service: 'orders', functions: { a: fn() } });
    expect(m.functions.a).toMatchObject({ memoryMb: 256, timeoutS: 10, uses: {} });
  });
});

describe('a set of manifests', () => {
  const ticketing = {
    service: 'ticketing',
    functions: { holdSeats: fn({ invokedBy: ['payments'] }), listEvents: fn() },
  };

  const payments = { service: 'payments' };

  it('accepts a consistent set', () => {
    expect(
      problemsOf(ticketing, {
        service: 'payments',
        secrets: ['stripe-secret-key'],
        functions: {
          createPaymentIntent: fn({
            http: { method: 'POST', path: '/payments/createPaymentIntent', auth: 'public' },
            uses: { invoke: ['ticketing.holdSeats'], secrets: ['stripe-secret-key'] },
          }),
        },
      }),
    ).toEqual([]);
  });

  it('refuses an invoke of a function no manifest declares', () => {
    expect(
      problemsOf(ticketing, {
        service: 'payments',
        functions: { pay: fn({ uses: { invoke: ['ticketing.sellSeats'] } }) },
      }),
    ).toEqual([
      'payments.functions.pay.uses.invoke: ticketing.sellSeats is not a function of any manifest',
    ]);
  });

  it('refuses an invoke the callee does not allow', () => {
    expect(
      problemsOf(ticketing, payments, {
        service: 'orders',
        functions: { peek: fn({ uses: { invoke: ['ticketing.listEvents'] } }) },
      }),
    ).toEqual([
      'orders.functions.peek.uses.invoke: ticketing.listEvents does not list orders in invokedBy',
    ]);
  });

  it('refuses a workflow substitution naming an unknown or forbidden function', () => {
    expect(
      problemsOf(ticketing, payments, {
        service: 'orders',
        workflows: {
          OrderFulfillment: {
            definition: 'workflows/order-fulfillment.asl.json',
            type: 'STANDARD',
            substitutions: {
              HoldFunctionArn: 'ticketing.holdSeats',
              IssueTicketsFunctionArn: 'ticketing.issueTickets',
            },
          },
        },
      }),
    ).toEqual([
      'orders.workflows.OrderFulfillment.substitutions.HoldFunctionArn: ticketing.holdSeats does not list orders in invokedBy',
      'orders.workflows.OrderFulfillment.substitutions.IssueTicketsFunctionArn: ticketing.issueTickets is not a function of any manifest',
    ]);
  });

  it('refuses two routes on one method and path', () => {
    const route = { method: 'GET', path: '/events', auth: 'public' } as const;
    expect(
      problemsOf(
        { service: 'ticketing', functions: { listEvents: fn({ http: route }) } },
        { service: 'orders', functions: { shadow: fn({ http: route }) } },
      ),
    ).toEqual([
      'orders.functions.shadow.http: GET /events is already the route of ticketing.listEvents',
    ]);
  });

  it("refuses table actions in a service that has no table (another service's is never reachable)", () => {
    expect(
      problemsOf({ service: 'orders', functions: { peek: fn({ uses: { table: ['GetItem'] } }) } }),
    ).toEqual([
      'orders.functions.peek.uses.table: orders declares no table (a function reaches its own only)',
    ]);
  });

  it('refuses a subscription to an event outside the catalog, and an undeclared secret', () => {
    expect(
      problemsOf({
        service: 'orders',
        functions: {
          start: fn({ subscribe: { events: ['PaymentTeleported'] }, uses: { secrets: ['nope'] } }),
        },
      }),
    ).toEqual([
      'orders.functions.start.subscribe.events: PaymentTeleported is not an event of the catalog',
      "orders.functions.start.uses.secrets: nope is not among orders's secrets",
    ]);
  });
});
