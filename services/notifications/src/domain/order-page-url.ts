/**
 * The buyer's page of one order on the ticket site, the order token in its query: a buyer without
 * an account opens it from the email as the checkout's answer would have let them.
 */
export const orderPageUrl = (siteUrl: string, orderId: string, orderToken: string) => {
  const url = new URL(`/orders/${encodeURIComponent(orderId)}`, siteUrl);
  url.searchParams.set('token', orderToken);
  return url.toString();
};
