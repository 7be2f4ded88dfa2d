import type {
  BuyerAddress,
  CreateOrderInvocation,
  HoldSeatsInvocation,
  PriceCartInvocation,
} from '@mytabs/contracts';
import type * as z from 'zod';
import type { PaymentRecord } from './payment-record.ts';
import type { TaxedLine, TaxLineRequest } from './quote.ts';
import type { TaxCalculationRecord } from './quote-acceptance.ts';

type Call<I extends { request: z.ZodType; response: z.ZodType }> = (
  input: z.input<I['request']>,
) => Promise<z.output<I['response']>>;

/** What the checkout needs of the world; `adapters/checkout-ports.ts` wires the real ones. */
export interface CheckoutPorts {
  /** ticketing: the catalog's prices for a cart, and the hold of its seats. */
  priceCart: Call<typeof PriceCartInvocation>;
  holdSeats: Call<typeof HoldSeatsInvocation>;
  /** orders: the Order in PENDING_PAYMENT, and the buyer's order token. */
  createOrder: Call<typeof CreateOrderInvocation>;
  /** Stripe Tax; throws AddressNotTaxable for an address it cannot tax. */
  calculateTax(
    currency: string,
    lines: readonly TaxLineRequest[],
    address: BuyerAddress,
  ): Promise<{ id: string; expiresAt: number; taxed: TaxedLine[] }>;
  /** Stripe PaymentIntents (idempotency key = order id). */
  createPaymentIntent(
    orderId: string,
    amount: number,
    currency: string,
  ): Promise<{ id: string; amount: number; currency: string }>;
  clientSecretOf(paymentIntentId: string): Promise<string>;
  abandonPaymentIntent(paymentIntentId: string): Promise<unknown>;
  payments: {
    find(orderId: string): Promise<PaymentRecord | undefined>;
    save(record: PaymentRecord): Promise<PaymentRecord>;
  };
  taxCalculations: {
    find(taxCalculationId: string): Promise<TaxCalculationRecord | undefined>;
    save(record: TaxCalculationRecord): Promise<TaxCalculationRecord>;
  };
  /** Epoch seconds. */
  nowS(): number;
}
