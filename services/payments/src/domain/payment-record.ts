/** The order's PaymentIntent: what cancel, refund and the tax commit look up by order id. */
export interface PaymentRecord {
  orderId: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
  subtotal: number;
  fees: number;
  tax: number;
  taxCalculationId: string;
  businessId: string;
  eventId: string;
}
