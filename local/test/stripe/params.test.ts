import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { StripeApiError } from '../../src/stripe/errors.ts';
import { decodeForm } from '../../src/stripe/form-decoding.ts';
import { formInt, metadata, parseParams } from '../../src/stripe/params.ts';

const Schema = z.strictObject({
  amount: formInt,
  metadata: metadata.optional(),
  line_items: z.array(z.strictObject({ amount: formInt })).optional(),
});

const errorFor = (query: string) => {
  try {
    parseParams(Schema, decodeForm(query));
  } catch (error) {
    if (error instanceof StripeApiError) return error.fields;
  }
  throw new Error(`expected ${query} to be refused`);
};

describe('parseParams answers as Stripe does', () => {
  it('names missing, unknown and malformed parameters in bracket notation', () => {
    expect(errorFor('')).toMatchObject({ code: 'parameter_missing', param: 'amount' });
    expect(errorFor('amount=1&colour=red')).toMatchObject({
      code: 'parameter_unknown',
      param: 'colour',
      message: 'Received unknown parameter: colour',
    });
    expect(errorFor('amount=1&line_items[0][amount]=x')).toMatchObject({
      code: 'parameter_invalid_integer',
      param: 'line_items[0][amount]',
      message: 'Invalid integer: x',
    });
    expect(errorFor('amount=1&line_items[0][tax]=1')).toMatchObject({
      param: 'line_items[0][tax]',
    });
  });

  it('checks metadata values', () => {
    expect(errorFor(`amount=1&metadata[a]=${'x'.repeat(501)}`)).toMatchObject({
      param: 'metadata[a]',
    });
    expect(errorFor('amount=1&metadata[a][b]=c')).toMatchObject({ param: 'metadata[a]' });
  });

  it('turns form strings into numbers', () => {
    expect(parseParams(Schema, decodeForm('amount=500&metadata='))).toEqual({
      amount: 500,
      metadata: '',
    });
  });
});
