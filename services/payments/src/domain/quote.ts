import { CalculateTaxResponse, type PricedCart } from '@mytabs/contracts';

/**
 * Stripe's "General - Services" code for the per-ticket service fee: the fee is a charge for the
 * platform's service, not admission, so it is taxed at the buyer's address rather than the venue.
 */
export const SERVICE_FEE_TAX_CODE = 'txcd_20030000';
/** The fee line's reference in the tax calculation; ticket lines use their ticket type id. */
export const SERVICE_FEE_REFERENCE = 'service-fee';

/** One line item of a Stripe Tax calculation, as the domain asks for it. */
export interface TaxLineRequest {
  /** The line total: unit amount × quantity. */
  amount: number;
  quantity: number;
  reference: string;
  taxCode: string;
  taxBehavior: 'exclusive' | 'inclusive';
  /** Admission is taxed at the venue; the fee line has none and is taxed at the buyer. */
  performanceLocation?: string;
}

/** What Stripe Tax answered for one line, found again by its reference. */
export interface TaxedLine {
  reference: string;
  amount: number;
  amountTax: number;
}

const seatsIn = (cart: PricedCart) => cart.lines.reduce((seats, line) => seats + line.quantity, 0);

/** The ticket lines at the venue, then the service fee (when the business charges one). */
export const taxLineRequests = (cart: PricedCart): TaxLineRequest[] => {
  const tickets = cart.lines.map((line) => ({
    amount: line.amount,
    quantity: line.quantity,
    reference: line.ticketTypeId,
    taxCode: line.taxCode,
    taxBehavior: line.taxBehavior,
    performanceLocation: cart.taxLocationId,
  }));
  const seats = seatsIn(cart);
  if (cart.serviceFeePerTicket === 0) return tickets;
  return [
    ...tickets,
    {
      amount: cart.serviceFeePerTicket * seats,
      quantity: seats,
      reference: SERVICE_FEE_REFERENCE,
      taxCode: SERVICE_FEE_TAX_CODE,
      taxBehavior: 'exclusive',
    },
  ];
};

/**
 * The quote in the shape the API documents (contracts/openapi.json). A line's `amount` excludes tax: for a tax-inclusive price the
 * tax inside it is moved out, so `subtotal` + `fees` + `tax` is always what the buyer pays.
 */
export const buildQuote = (
  cart: PricedCart,
  taxed: readonly TaxedLine[],
  taxCalculationId: string,
): CalculateTaxResponse => {
  const taxOf = (reference: string) => {
    const line = taxed.find((t) => t.reference === reference);
    if (!line) throw new Error(`The tax calculation has no line ${reference}`);
    return line.amountTax;
  };
  const tickets = cart.lines.map((line) => {
    const tax = taxOf(line.ticketTypeId);
    return {
      kind: 'ticket' as const,
      ticketTypeId: line.ticketTypeId,
      description: line.name,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      amount: line.taxBehavior === 'inclusive' ? line.amount - tax : line.amount,
      tax,
      taxBehavior: line.taxBehavior,
    };
  });
  const seats = seatsIn(cart);
  const fees =
    cart.serviceFeePerTicket === 0
      ? []
      : [
          {
            kind: 'fee' as const,
            description: 'Service fee',
            quantity: seats,
            unitAmount: cart.serviceFeePerTicket,
            amount: cart.serviceFeePerTicket * seats,
            tax: taxOf(SERVICE_FEE_REFERENCE),
            taxBehavior: 'exclusive' as const,
          },
        ];
  const sum = (lines: readonly { amount: number }[]) => lines.reduce((s, l) => s + l.amount, 0);
  const lines = [...tickets, ...fees];
  const subtotal = sum(tickets);
  const feeTotal = sum(fees);
  const tax = lines.reduce((s, l) => s + l.tax, 0);
  return CalculateTaxResponse.parse({
    currency: cart.currency,
    subtotal,
    fees: feeTotal,
    tax,
    total: subtotal + feeTotal + tax,
    lines,
    taxCalculationId,
  });
};
