import { describe, expect, it } from 'vitest';
import { decodeForm, FormDecodingError } from '../../src/stripe/form-decoding.ts';

describe('decodeForm (Stripe bracket notation)', () => {
  it('nests objects and lists, indexed or pushed', () => {
    const decoded = decodeForm(
      'amount=500&metadata[orderId]=ord_1&line_items[1][amount]=20&line_items[0][amount]=10' +
        '&line_items[0][reference]=a&expand[]=latest_charge&expand[]=payment_method' +
        '&customer_details[address][country]=US',
    );
    expect(decoded).toEqual({
      amount: '500',
      metadata: { orderId: 'ord_1' },
      line_items: [{ amount: '10', reference: 'a' }, { amount: '20' }],
      expand: ['latest_charge', 'payment_method'],
      customer_details: { address: { country: 'US' } },
    });
  });

  it('reads percent-encoded brackets as the SDK may send them', () => {
    expect(decodeForm('metadata%5Bnote%5D=a%20b')).toEqual({ metadata: { note: 'a b' } });
  });

  it('refuses a key used both as a value and as an object', () => {
    expect(() => decodeForm('metadata=x&metadata[a]=b')).toThrow(FormDecodingError);
  });
});
