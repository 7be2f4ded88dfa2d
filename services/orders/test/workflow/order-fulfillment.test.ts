import { randomUUID } from 'node:crypto';
import { GetExecutionHistoryCommand, ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  eventually,
  type FulfillmentPlatform,
  MACHINE_ARN,
  startFulfillmentPlatform,
} from './fulfillment-platform.ts';

let local: FulfillmentPlatform;
let seen = 0;

beforeAll(async () => {
  local = await startFulfillmentPlatform();
});
afterAll(async () => {
  await local?.close();
});
afterEach((context) => {
  if (context.task.result?.state === 'fail') console.log(local.lines.slice(seen).join('\n'));
  seen = local.lines.length;
});

/** A fresh order id per test, so tests share the platform without sharing orders. */
const newOrderId = () => `ord_wf${randomUUID().replaceAll('-', '')}`;

/** Places the order and delivers PaymentSucceeded; answers the ended execution. */
const paid = async (orderId: string) => {
  await local.placeOrder(orderId);
  await local.paymentSucceeded(orderId);
  return local.settled(orderId);
};

const statesEntered = async (orderId: string) => {
  const { events = [] } = await local.sfn.send(
    new GetExecutionHistoryCommand({ executionArn: local.executionArn(orderId) }),
  );
  return events
    .filter((e) => e.type?.endsWith('StateEntered'))
    .map((e) => e.stateEnteredEventDetails?.name);
};

describe('OrderFulfillment, run from services/orders/workflows/order-fulfillment.asl.json', () => {
  it('fulfils a paid order: tickets on the order, the confirmation sent, OrderFulfilled once', async () => {
    const orderId = newOrderId();
    const execution = await paid(orderId);

    expect(execution.status).toBe('SUCCEEDED');
    const order = await local.order(orderId);
    expect(order).toMatchObject({ status: 'FULFILLED', confirmation: { status: 'sent' } });
    expect(order?.tickets.map((t) => t.ticketId)).toEqual([
      `tkt_${orderId}_0_0`,
      `tkt_${orderId}_0_1`,
    ]);
    expect(await local.calls(orderId)).toMatchObject({
      confirmHold: 1,
      issueTickets: 1,
      recordAttendees: 1,
      sendConfirmation: 1,
    });
    expect(await local.calls(orderId)).not.toHaveProperty('refundPayment');
    const events = await eventually(
      () => local.orderEvents(orderId),
      (e) => e.OrderFulfilled !== undefined,
    );
    expect(events).toMatchObject({
      OrderFulfilled: 1,
      OrderFulfilledData: { ticketIds: order?.tickets.map((t) => t.ticketId), amount: 5644 },
    });
  });

  it('refunds a sold-out order, releases its seats, marks it FAILED and apologises', async () => {
    const orderId = newOrderId();
    await local.plan(orderId, { confirmHold: { error: 'SeatsUnavailable', times: 99 } });
    const execution = await paid(orderId);

    expect(execution).toMatchObject({ status: 'FAILED', error: 'OrderFailed' });
    expect(await statesEntered(orderId)).toEqual([
      'MarkPaid',
      'StillToFulfil',
      'ConfirmHold',
      'RefundPayment',
      'ReleaseSeats',
      'MarkFailed',
      'SendApology',
      'OrderFailed',
    ]);
    const calls = await local.calls(orderId);
    expect(calls).toMatchObject({
      confirmHold: 1,
      refundPayment: 1,
      refundPaymentInput: { orderId, refundRequestId: `failed:${orderId}` },
      releaseSeats: 1,
      releaseSeatsInput: { orderId },
      sendApology: 1,
      sendApologyInput: {
        order: { orderId, status: 'FAILED' },
        refund: { amount: 5644, currency: 'usd' },
      },
    });
    expect(calls).not.toHaveProperty('issueTickets');
    expect(await local.order(orderId)).toMatchObject({
      status: 'FAILED',
      tickets: [],
      failure: {
        error: 'SeatsUnavailable',
        cause: 'confirmHold failed as planned (call 1)',
        refund: { amount: 5644, currency: 'usd' },
      },
    });
    const events = await eventually(
      () => local.orderEvents(orderId),
      (e) => e.OrderFailed !== undefined,
    );
    expect(events).toMatchObject({
      OrderFailed: 1,
      OrderFailedData: { error: 'SeatsUnavailable', amountRefunded: 5644 },
    });
    expect(events).not.toHaveProperty('OrderFulfilled');
  });

  it('fulfils the order without a refund when the confirmation email keeps failing', async () => {
    const orderId = newOrderId();
    await local.plan(orderId, { sendConfirmation: { error: 'TransientStepError', times: 99 } });
    const execution = await paid(orderId);

    expect(execution.status).toBe('SUCCEEDED');
    const calls = await local.calls(orderId);
    // The first attempt and every retry the ASL allows, then the catch.
    expect(calls.sendConfirmation).toBe(7);
    expect(calls).not.toHaveProperty('refundPayment');
    expect(calls).not.toHaveProperty('releaseSeats');
    const order = await local.order(orderId);
    expect(order).toMatchObject({ status: 'FULFILLED', confirmation: { status: 'failed' } });
    expect(order?.tickets).toHaveLength(2);
  });

  it('retries a step that fails transiently, then goes on as if nothing happened', async () => {
    const orderId = newOrderId();
    await local.plan(orderId, {
      issueTickets: { error: 'TransientStepError', times: 2 },
      recordAttendees: { error: 'Lambda.TooManyRequestsException', times: 1 },
    });
    const execution = await paid(orderId);

    expect(execution.status).toBe('SUCCEEDED');
    expect(await local.calls(orderId)).toMatchObject({
      confirmHold: 1,
      issueTickets: 3,
      recordAttendees: 2,
      sendConfirmation: 1,
    });
    expect(await local.order(orderId)).toMatchObject({ status: 'FULFILLED' });
  });
});

describe('the starter (PaymentSucceeded → StartExecution named by the order id)', () => {
  it('starts one execution however often PaymentSucceeded arrives', async () => {
    const orderId = newOrderId();
    await paid(orderId);
    await local.paymentSucceeded(orderId);
    await local.paymentSucceeded(orderId);
    // Let the redeliveries reach the starter and do nothing.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const { executions = [] } = await local.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: MACHINE_ARN }),
    );
    expect(executions.filter((e) => e.name === orderId)).toHaveLength(1);
    expect((await local.settled(orderId)).redriveCount ?? 0).toBe(0);
    expect(await local.calls(orderId)).toMatchObject({ issueTickets: 1, sendConfirmation: 1 });
    const events = await local.orderEvents(orderId);
    expect(events.OrderFulfilled).toBe(1);
  });

  it('redrives a failed execution when PaymentSucceeded is delivered again', async () => {
    const orderId = newOrderId();
    await local.plan(orderId, { recordAttendees: { error: 'AttendeesUnavailable', times: 1 } });
    const failed = await paid(orderId);
    expect(failed).toMatchObject({ status: 'FAILED', error: 'AttendeesUnavailable' });
    expect(await local.order(orderId)).toMatchObject({ status: 'PAID' });

    await local.paymentSucceeded(orderId);
    const redriven = await eventually(
      () => local.settled(orderId),
      (e) => e.status === 'SUCCEEDED',
    );
    expect(redriven.redriveCount).toBe(1);
    expect(await local.order(orderId)).toMatchObject({ status: 'FULFILLED' });
    expect((await local.calls(orderId)).recordAttendees).toBe(2);
  });

  it('does not redrive an order the workflow ended on purpose (refunded, FAILED)', async () => {
    const orderId = newOrderId();
    await local.plan(orderId, { confirmHold: { error: 'SeatsUnavailable', times: 99 } });
    expect(await paid(orderId)).toMatchObject({ status: 'FAILED', error: 'OrderFailed' });

    await local.paymentSucceeded(orderId);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await local.settled(orderId)).redriveCount ?? 0).toBe(0);
    expect((await local.calls(orderId)).refundPayment).toBe(1);
  });
});
