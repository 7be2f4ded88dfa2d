import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalFaults } from '../faults/local-faults.ts';
import { requestId } from './stripe-ids.ts';

/**
 * Injected Stripe outages: while a `stripe` fault is in force, a request is answered with
 * Stripe's `api_error` and the fault's 5xx status, or (`timeout`) not answered at all until the
 * fault's time is up, when its connection is dropped, as a Stripe that hangs looks to a client.
 */
export const stripeFaults = (faults: LocalFaults | undefined) => {
  const held = new Map<ServerResponse, NodeJS.Timeout>();
  const drop = (res: ServerResponse) => {
    clearTimeout(held.get(res));
    held.delete(res);
    res.destroy();
  };

  /** Whether a fault took the request (answered it, or holds it). */
  const intercept = (req: IncomingMessage, res: ServerResponse): boolean => {
    const fault = faults?.take('stripe', () => true);
    if (!fault) return false;
    req.resume();
    if (fault.mode === 'timeout') {
      const timer = setTimeout(() => drop(res), Date.parse(fault.endsAt) - Date.now());
      held.set(res, timer);
      res.on('close', () => {
        clearTimeout(timer);
        held.delete(res);
      });
      return true;
    }
    const id = requestId();
    res.writeHead(fault.status, { 'content-type': 'application/json', 'request-id': id });
    res.end(
      JSON.stringify({
        error: {
          type: 'api_error',
          message: `An unknown error occurred (injected fault ${fault.id})`,
        },
      }),
    );
    return true;
  };

  return {
    intercept,
    close() {
      for (const res of [...held.keys()]) drop(res);
    },
  };
};
