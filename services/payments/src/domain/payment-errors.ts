/**
 * Errors other services' callers match by name (Lambda's `errorType`, a workflow's Catch): a
 * refund that cannot be made as asked, or an order this service holds no payment for.
 */
export class RefundRejected extends Error {
  override name = 'RefundRejected';
}

export class PaymentNotFound extends Error {
  override name = 'PaymentNotFound';
}
