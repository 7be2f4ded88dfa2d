import { createServer } from 'node:http';
import { close, listen } from '../../src/listen.ts';

export interface ReceivedWebhook {
  body: string;
  signature: string;
}

/**
 * A webhook endpoint on a free port that records what it receives; it answers `failFirst`
 * deliveries with 500 before accepting, to exercise Stripe's retries.
 */
export const startWebhookReceiver = async (failFirst = 0) => {
  const received: ReceivedWebhook[] = [];
  let failures = 0;
  const waiters: Array<() => void> = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (failures < failFirst) {
      failures += 1;
      res.writeHead(500).end('not yet');
      return;
    }
    received.push({
      body: Buffer.concat(chunks).toString('utf8'),
      signature: String(req.headers['stripe-signature']),
    });
    res.writeHead(200).end('{"received":true}');
    for (const wake of waiters.splice(0)) wake();
  });
  const port = await listen(server, 0, 'webhook receiver', 'none');
  return {
    url: `http://127.0.0.1:${port}/payments/webhook`,
    received,
    get failures() {
      return failures;
    },
    /** Resolves once `count` deliveries have been accepted. */
    async waitFor(count: number) {
      while (received.length < count) {
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
      return received;
    },
    close: () => close(server),
  };
};
