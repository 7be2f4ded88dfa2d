import type { OrderDetails } from '@mytabs/contracts';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { apiClient } from '../seed/api-client.ts';
import { DEMO_ORGANIZER } from '../seed/demo-seed.ts';
import { signInLocalUser } from '../seed/local-user.ts';
import { cancellation } from '../shopper/cancellation.ts';
import type { Shopper } from '../shopper/checkout.ts';
import { formatMoney } from '../shopper/money.ts';
import { sentEmail } from '../shopper/sent-email.ts';
import { repoRoot } from '../testing/repo-platform.ts';

const REASON = 'The orchestra is snowed in; we are very sorry.';

/**
 * `npm run demo -- --cancel`, after the purchase: the demo organizer cancels the event, the
 * progress as their site shows it, then the buyer's order refunded and the one email they got.
 */
export const showCancellation = async (
  endpoints: { api: string; edge: string; ses: string },
  bought: { eventId: string; orderId: string; orderToken: string; buyerEmail: string },
  buyer: Shopper,
  line: (label: string, text: string) => void,
  elapsed: () => string,
) => {
  const token = await signInLocalUser(
    endpoints.edge,
    await loadManifests(repoRoot),
    DEMO_ORGANIZER,
  );
  const organizer = cancellation(endpoints.api, token, bought.eventId);
  const { cancellation: first } = await organizer.cancel(REASON);
  line('cancel', `${DEMO_ORGANIZER.email} canceled the event at ${first.canceledAt}: "${REASON}"`);
  const steps: string[] = [];
  const end = await organizer.watch({
    onProgress: (c) => steps.push(`${c.ordersDone}/${c.ordersTotal ?? '?'} at ${elapsed()}`),
  });
  line('progress', `${steps.join(' → ')}; finished ${end?.finishedAt ?? 'not yet'}`);
  let status = '';
  for (let tries = 0; tries < 100 && status !== 'REFUNDED'; tries += 1) {
    ({ status } = await buyer.order(bought.orderId, bought.orderToken));
    if (status !== 'REFUNDED') await new Promise((r) => setTimeout(r, 200));
  }
  const { details } = await apiClient(endpoints.api, token).get<{ details: OrderDetails }>(
    `/orders/${bought.orderId}`,
  );
  line(
    'refund',
    `${bought.orderId} is ${status}: ${details.refunds.map((r) => `${r.refundId} ${formatMoney(r.amount, 'usd')}`).join(', ')}; tickets valid: ${details.tickets.filter((t) => t.valid).length} of ${details.tickets.length}   [${elapsed()}]`,
  );
  const email = await sentEmail(endpoints.ses, bought.buyerEmail, bought.orderId);
  if (email?.subject.startsWith('Canceled')) {
    line('email', `"${email.subject}" to ${bought.buyerEmail}`);
    line('', `open it in a browser: ${email.preview}`);
  } else {
    line('email', `no cancellation email for ${bought.orderId}: see the npm start terminal`);
  }
  console.log('The demo event is canceled for good: restart `npm start` to sell it again.');
};
