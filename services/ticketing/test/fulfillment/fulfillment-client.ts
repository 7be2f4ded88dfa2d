import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { newId, type OrderSnapshot } from '@mytabs/contracts';
import { credentialsFor, localNames, type RepoPlatform } from '@mytabs/local';

/**
 * Invokes ticketing's functions through the Lambda API as another service would: the access key
 * id names the caller (`orders.test` acts as orders, as the workflow does), so `invokedBy` applies.
 */
export const invoker = (local: RepoPlatform, caller: string) => {
  const lambda = new LambdaClient({
    endpoint: local.endpoints.edge,
    region: 'us-east-1',
    credentials: credentialsFor(caller),
  });
  return async (fn: string, payload: unknown) => {
    const out = await lambda.send(
      new InvokeCommand({
        FunctionName: localNames.function('ticketing', fn),
        Payload: Buffer.from(JSON.stringify(payload)),
      }),
    );
    const body = JSON.parse(Buffer.from(out.Payload ?? []).toString('utf8') || 'null');
    return out.FunctionError
      ? { error: body as { errorType: string; errorMessage: string } }
      : { result: body };
  };
};

/** A paid order as the workflow hands it to every step (MarkPaid's answer). */
export const paidOrder = (
  local: RepoPlatform,
  lines: { ticketTypeId: string; quantity: number }[],
  attendees: { name: string; email: string }[] = [],
): OrderSnapshot => {
  const orderId = newId('ord');
  return {
    orderId,
    status: 'PAID',
    eventId: local.seed?.event.eventId,
    businessId: local.seed?.business.businessId,
    buyer: { name: 'Bea Buyer', email: `bea+${orderId}@example.com` },
    attendees,
    lines: lines.map((l) => ({ ...l, name: 'Seat', unitPrice: 1000, amount: 1000 * l.quantity })),
    subtotal: 1000,
    fees: 0,
    tax: 0,
    amount: 1000,
    currency: 'usd',
    paymentIntentId: `pi_${orderId.slice(4)}`,
    tickets: [],
  } as unknown as OrderSnapshot;
};
