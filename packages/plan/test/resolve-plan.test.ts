import { fileURLToPath } from 'node:url';
import { defineManifest, type ServiceManifestInput } from '@mytabs/contracts';
import { describe, expect, it } from 'vitest';
import { type PlanInput, resolvePlan } from '../src/resolve-plan.ts';

const shopDir = fileURLToPath(new URL('./fixtures/services/shop', import.meta.url));

const events = {
  Paid: { pattern: { source: ['mytabs.shop'], 'detail-type': ['Paid'], detail: { v: [1] } } },
  Refunded: { pattern: { source: ['mytabs.bank'], 'detail-type': ['Refunded'] } },
};

const shop = (changes: Partial<ServiceManifestInput> = {}) =>
  defineManifest({
    service: 'shop',
    table: { partitionKey: { name: 'pk', type: 'S' } },
    secrets: ['api-key'],
    functions: {
      charge: { entry: 'src/handlers/charge.ts', invokedBy: ['shop'] },
      pay: {
        entry: 'src/handlers/pay.ts',
        http: { method: 'POST', path: '/pay', auth: 'public' },
        uses: {
          table: ['Query', 'GetItem', 'PutItem', 'TransactWriteItems'],
          bus: true,
          secrets: ['api-key'],
          invoke: ['shop.charge'],
        },
      },
      onPaid: { entry: 'src/handlers/on-paid.ts', subscribe: { events: ['Paid'] } },
      onMoney: {
        entry: 'src/handlers/on-money.ts',
        subscribe: { events: ['Paid', 'Refunded'], retryAttempts: 1, maxEventAgeS: 600 },
      },
      sweep: { entry: 'src/handlers/sweep.ts', schedule: 'rate(5 minutes)' },
      onBounce: {
        entry: 'src/handlers/on-bounce.ts',
        sesEvents: { events: ['Email Bounced', 'Email Complaint Received'], retryAttempts: 1 },
      },
    },
    workflows: {
      Payment: {
        definition: 'workflows/pay.asl.json',
        type: 'STANDARD',
        substitutions: { ChargeFunctionArn: 'shop.charge' },
      },
    },
    ...changes,
  });

const planOf = (
  stage: string,
  changes: Partial<ServiceManifestInput> = {},
  more: Partial<PlanInput> = {},
) =>
  resolvePlan({
    stage,
    services: [{ manifest: shop(changes), dir: shopDir }],
    events,
    location: { partition: 'aws', region: 'eu-west-1', account: '123456789012' },
    emailDomain: 'example.test',
    ...more,
  });

/** Every physical name a plan gives out. */
const physicalNames = (plan: ReturnType<typeof planOf>) => [
  plan.bus.name,
  plan.archive.name,
  plan.schemaRegistry.name,
  plan.api.name,
  ...plan.tables.map((t) => t.name),
  ...plan.secrets.map((s) => s.name),
  ...plan.functions.map((f) => f.name),
  ...plan.rules.map((r) => r.name),
  ...plan.deadLetterQueues.map((q) => q.name),
  ...plan.stateMachines.map((m) => m.name),
];

describe('names', () => {
  it('carry the stage, so two stages in one account share none', () => {
    const dev = physicalNames(planOf('dev'));
    const prod = physicalNames(planOf('prod'));
    expect(dev.every((n) => n.includes('dev'))).toBe(true);
    expect(dev.filter((n) => prod.includes(n))).toEqual([]);
    expect(planOf('prod').functions.find((f) => f.key === 'pay')).toMatchObject({
      name: 'mytabs-prod-shop-pay',
      arn: 'arn:aws:lambda:eu-west-1:123456789012:function:mytabs-prod-shop-pay',
    });
  });

  it('refuses a stage that cannot go into a name, and a name over its service limit', () => {
    expect(() => planOf('Prod')).toThrow(/stage Prod/);
    expect(() =>
      planOf('dev', {
        functions: {
          aFunctionNameSoLongThatTheLambdaLimitOfSixtyFourIsPassed: { entry: 'src/handlers/x.ts' },
        },
        workflows: {},
      }),
    ).toThrow(/longer than 64/);
  });
});

describe('rules', () => {
  it("match a subscription's one event by exactly its contract's pattern", () => {
    const rule = planOf('dev').rules.find((r) => r.name === 'mytabs-dev-shop-onPaid');
    expect(rule).toMatchObject({
      bus: 'mytabs-dev',
      pattern: events.Paid.pattern,
      target: {
        functionName: 'mytabs-dev-shop-onPaid',
        retryAttempts: 2,
        maxEventAgeS: 3600,
        deadLetterQueue: 'mytabs-dev-shop-onPaid-dlq',
      },
    });
  });

  it('match several events by $or of their contracts, never a merged source × detail-type list', () => {
    const rule = planOf('dev').rules.find((r) => r.name === 'mytabs-dev-shop-onMoney');
    expect(rule?.pattern).toEqual({ $or: [events.Paid.pattern, events.Refunded.pattern] });
    expect(rule?.target).toMatchObject({ retryAttempts: 1, maxEventAgeS: 600 });
  });

  it('run a schedule on the default bus, with the function’s own dead-letter queue', () => {
    const plan = planOf('dev');
    expect(plan.rules.find((r) => r.schedule)).toMatchObject({
      name: 'mytabs-dev-shop-sweep-schedule',
      bus: 'default',
      schedule: 'rate(5 minutes)',
      target: { deadLetterQueue: 'mytabs-dev-shop-sweep-dlq' },
    });
    expect(plan.functions.find((f) => f.key === 'sweep')?.asyncInvoke).toEqual({
      retryAttempts: 2,
      deadLetterQueue: 'mytabs-dev-shop-sweep-dlq',
    });
    expect(plan.functions.find((f) => f.key === 'pay')?.asyncInvoke).toBeUndefined();
  });

  it("hear SES's events on the default bus, which the configuration set publishes there", () => {
    const plan = planOf('dev');
    expect(plan.rules.find((r) => r.name === 'mytabs-dev-shop-onBounce-ses')).toMatchObject({
      bus: 'default',
      pattern: {
        source: ['aws.ses'],
        'detail-type': ['Email Bounced', 'Email Complaint Received'],
      },
      target: { retryAttempts: 1, deadLetterQueue: 'mytabs-dev-shop-onBounce-dlq' },
    });
    expect(plan.email).toEqual({
      identity: 'example.test',
      from: 'noreply@example.test',
      senders: ['noreply@example.test', 'support@example.test'],
      mailFromDomain: 'mail.example.test',
      configurationSet: {
        name: 'mytabs-dev',
        eventDestination: {
          name: 'mytabs-dev-events',
          bus: 'default',
          eventTypes: ['BOUNCE', 'COMPLAINT'],
        },
      },
    });
    const quiet = planOf('dev', {
      functions: { pay: { entry: 'src/handlers/pay.ts' } },
      workflows: {},
    });
    expect(quiet.email.configurationSet).toEqual({ name: 'mytabs-dev' });
  });

  it('refuse an event the catalog lacks', () => {
    expect(() =>
      planOf('dev', {
        functions: { f: { entry: 'src/handlers/f.ts', subscribe: { events: ['Nope'] } } },
        workflows: {},
      }),
    ).toThrow(/shop\.f subscribes to Nope/);
  });
});

describe('functions', () => {
  it('get the names of what they use in their environment, and grants on exactly that', () => {
    const pay = planOf('dev').functions.find((f) => f.key === 'pay');
    expect(pay?.environment).toEqual({
      SERVICE_NAME: 'shop',
      POWERTOOLS_SERVICE_NAME: 'shop',
      POWERTOOLS_METRICS_NAMESPACE: 'mytabs-dev',
      TABLE_NAME: 'mytabs-dev-shop',
      EVENT_BUS_NAME: 'mytabs-dev',
      SECRET_API_KEY: 'mytabs/dev/shop/api-key',
      FUNCTION_SHOP_CHARGE: 'mytabs-dev-shop-charge',
    });
    expect(pay?.grants).toEqual({
      // A transaction is granted by its items' actions: IAM has no action of its name.
      table: {
        name: 'mytabs-dev-shop',
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query'],
      },
      bus: 'mytabs-dev',
      secrets: ['mytabs/dev/shop/api-key'],
      invoke: ['mytabs-dev-shop-charge'],
      workflows: [],
      email: false,
    });
  });

  it('refuse to invoke a function no manifest declares', () => {
    expect(() =>
      planOf('dev', {
        functions: { f: { entry: 'src/handlers/f.ts', uses: { invoke: ['shop.nothing'] } } },
        workflows: {},
      }),
    ).toThrow(/shop\.f: shop\.nothing is not a function of any manifest/);
  });
});

describe('workflows', () => {
  it('fill every placeholder with the ARN of the function it names', () => {
    const [machine] = planOf('prod').stateMachines;
    expect(machine).toMatchObject({
      name: 'mytabs-prod-shop-Payment',
      arn: 'arn:aws:states:eu-west-1:123456789012:stateMachine:mytabs-prod-shop-Payment',
      invokes: ['arn:aws:lambda:eu-west-1:123456789012:function:mytabs-prod-shop-charge'],
    });
    expect(JSON.parse(machine?.definition ?? '').States.Charge.Resource).toBe(
      'arn:aws:lambda:eu-west-1:123456789012:function:mytabs-prod-shop-charge',
    );
  });

  it('refuse a placeholder nothing fills and a substitution nothing uses, naming the file', () => {
    const workflow = (substitutions: Record<string, string>) => ({
      workflows: {
        Payment: { definition: 'workflows/pay.asl.json', type: 'STANDARD' as const, substitutions },
      },
    });
    expect(() => planOf('dev', workflow({}))).toThrow(
      /pay\.asl\.json: \$\{ChargeFunctionArn\} is not filled/,
    );
    expect(() =>
      planOf('dev', workflow({ ChargeFunctionArn: 'shop.charge', Other: 'shop.pay' })),
    ).toThrow(/substitution Other is not used by the definition/);
  });
});
