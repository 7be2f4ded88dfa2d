import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import {
  createBenchEvent,
  type RepoPlatform,
  repoRoot,
  shopper,
  startRepoPlatform,
  watchOrder,
} from '@mytabs/local';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runDrill } from '../src/drill/run-drill.ts';

/**
 * The CLI against a local platform, as an operator runs it against `npm start`: its own process
 * for the JSON contract, then the drill (faults, recovery with the CLI, every order checked).
 */
const SLOW_MS = 240_000;
const main = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

let local: RepoPlatform;
beforeAll(async () => {
  local = await startRepoPlatform();
}, SLOW_MS);
afterAll(() => local?.close());

const opsProcess = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(tsx, [main, ...args], {
      env: { ...process.env, AWS_ENDPOINT_URL: local.endpoints.edge },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
};

it(
  '`ops status --json` on a running platform prints one JSON document and nothing else',
  async () => {
    const { code, stdout } = await opsProcess('status', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      stage: 'local',
      deadLetterTotal: 0,
      failedExecutions: [],
      stuckOrders: [],
      unsentEmails: [],
    });
  },
  SLOW_MS,
);

it('a wrong command line exits 2 and says what is wrong', async () => {
  const unknown = await opsProcess('dlq', 'show', 'nobody.nothing');
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('no dead-letter queue nobody.nothing');
  const bad = await opsProcess('replay', '--from', 'yesterday', '--to', 'now');
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--from');
});

it(
  '`dlq show` names the error and `--dry-run` redrives nothing; `dlq redrive` settles the order once',
  async () => {
    const manifests = await loadManifests(repoRoot);
    const { eventId, ticketTypeId } = await createBenchEvent(local.endpoints, manifests, {
      seats: 1,
      perOrderLimit: 1,
    });
    local.platform.faults.add({
      kind: 'function',
      function: 'ticketing.settleHold',
      errorType: 'InjectedFault',
      seconds: 300,
    });
    const buyer = shopper(local.endpoints);
    const cart = {
      eventId,
      items: [{ ticketTypeId, quantity: 1 }],
      address: { country: 'US', postalCode: '10001', state: 'NY' },
    };
    const quote = await buyer.quote(cart);
    const checkout = await buyer.createPaymentIntent(
      { ...cart, taxCalculationId: quote.taxCalculationId },
      { email: 'dlq@example.com', name: 'Dlq Test' },
    );
    await buyer.pay(checkout.paymentIntentId);
    await watchOrder(buyer, checkout.orderId, checkout.orderToken, { timeoutMs: SLOW_MS });
    let shown: { letters: { error: string; event: { detail: { data: { orderId: string } } } }[] };
    do {
      shown = JSON.parse(
        (await opsProcess('dlq', 'show', 'ticketing.settleHold', '--json')).stdout,
      );
    } while (shown.letters.length === 0);
    expect(shown.letters).toMatchObject([
      {
        error: expect.stringContaining('InjectedFault'),
        event: { detail: { data: { orderId: checkout.orderId } } },
      },
    ]);

    local.platform.faults.clear();
    const dry = await opsProcess('dlq', 'redrive', 'ticketing.settleHold', '--dry-run', '--json');
    expect(JSON.parse(dry.stdout)).toMatchObject({
      dryRun: true,
      queues: [{ delivered: [expect.any(String)] }],
    });
    const still = JSON.parse((await opsProcess('status', '--json')).stdout);
    expect(still.deadLetterTotal).toBe(1);

    const redriven = JSON.parse(
      (await opsProcess('dlq', 'redrive', 'ticketing.settleHold', '--json')).stdout,
    );
    expect(redriven).toMatchObject({
      dryRun: false,
      queues: [{ delivered: [expect.any(String)], failed: [] }],
    });
    const again = JSON.parse((await opsProcess('dlq', 'redrive', '--all', '--json')).stdout);
    expect(again.queues).toEqual([]);
    expect(JSON.parse((await opsProcess('status', '--json')).stdout).deadLetterTotal).toBe(0);
  },
  SLOW_MS,
);

it(
  'the drill: orders broken by four faults are all recovered by the CLI, nothing twice',
  async () => {
    const report = await runDrill(local, { orders: 5, log: () => {} });
    expect(report.broken.ordersNotFulfilled).toBeGreaterThan(0);
    expect(report.broken.deadLetters).toBeGreaterThan(0);
    expect(report.broken.failedExecutions).toBeGreaterThan(0);
    expect(report.broken.unsentEmails).toBeGreaterThan(0);
    expect(report.unrecovered).toEqual([]);
    expect(report.integrity).toEqual({
      oversoldSeats: 0,
      duplicateTickets: 0,
      duplicateEmails: 0,
      missingEmails: 0,
      seatsCountedTwice: 0,
    });
    expect(report.passed).toBe(true);
  },
  SLOW_MS * 2,
);

it(
  '`replay` sends the archive’s window to one rule only, waits for it, and changes nothing twice',
  async () => {
    // The archive holds the orders the tests above sold.
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date().toISOString();
    const before = JSON.parse((await opsProcess('status', '--json', '--older-than', '0')).stdout);
    const runs = (fn: string) =>
      local.lines.filter((l) => l.startsWith(`mytabs-local-${fn} | REPORT`)).length;
    const settled = runs('ticketing-settleHold');
    const started = runs('orders-startFulfillment');
    const replay = ['replay', '--from', from, '--to', to, '--rule', 'ticketing.settleHold'];
    const dry = await opsProcess(...replay, '--dry-run', '--json');
    expect(JSON.parse(dry.stdout)).toMatchObject({
      state: 'NOT_STARTED (dry run)',
      rules: ['mytabs-local-ticketing-settleHold'],
    });
    const replayed = await opsProcess(...replay, '--json');
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({
      state: 'COMPLETED',
      rules: ['mytabs-local-ticketing-settleHold'],
    });
    const after = JSON.parse((await opsProcess('status', '--json', '--older-than', '0')).stdout);
    expect(after).toEqual(before);
    expect(runs('ticketing-settleHold')).toBeGreaterThan(settled);
    expect(runs('orders-startFulfillment')).toBe(started);
  },
  SLOW_MS,
);
