import { IssueTicketsStep, invocationHandler } from '@mytabs/contracts';

/** `ticketing.issueTickets`, a step of OrderFulfillment. */
export const handler = invocationHandler(IssueTicketsStep, async () => {
  throw new Error('not built yet');
});
