/** Stripe's error `type`s, which the SDK maps to its error classes together with the status. */
export type StripeErrorType =
  | 'api_error'
  | 'card_error'
  | 'idempotency_error'
  | 'invalid_request_error';

export interface StripeErrorFields {
  type: StripeErrorType;
  message: string;
  code?: string;
  decline_code?: string;
  param?: string;
  /** Objects Stripe attaches to some errors: `payment_intent`, `charge`, `payment_method`. */
  extra?: Record<string, unknown>;
}

/**
 * An error answered as Stripe answers it: `{ error: { type, code, message, param, doc_url, ... } }`
 * with Stripe's status. `validation` marks a request refused before it ran, which Stripe does not
 * store under an idempotency key.
 */
export class StripeApiError extends Error {
  readonly fields: StripeErrorFields;
  constructor(
    readonly status: number,
    fields: StripeErrorFields,
    readonly validation = false,
  ) {
    super(fields.message);
    this.fields = fields;
  }

  body(requestId: string) {
    const { extra, ...fields } = this.fields;
    return {
      error: {
        ...fields,
        ...(fields.code ? { doc_url: docUrl(fields.code) } : {}),
        ...extra,
        request_log_url: `https://dashboard.stripe.com/test/logs/${requestId}`,
      },
    };
  }
}

const docUrl = (code: string) => `https://stripe.com/docs/error-codes/${code.replaceAll('_', '-')}`;

export const invalidRequest = (message: string, code?: string, param?: string) =>
  new StripeApiError(400, {
    type: 'invalid_request_error',
    message,
    ...(code ? { code } : {}),
    ...(param ? { param } : {}),
  });

export const invalidParam = (message: string, code: string, param: string) =>
  new StripeApiError(400, { type: 'invalid_request_error', message, code, param }, true);

/** `GET /v1/payment_intents/pi_x` for an id that does not exist: 404. */
export const noSuchObject = (objectName: string, id: string, param = 'id') =>
  new StripeApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    message: `No such ${objectName}: '${id}'`,
    param,
  });

/** A missing object named in a parameter (`payment_method=pm_x`): 400, naming the parameter. */
export const noSuchReferenced = (objectName: string, id: string, param: string) =>
  new StripeApiError(
    400,
    {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${objectName}: '${id}'`,
      param,
    },
    true,
  );

export const unexpectedState = (message: string) =>
  invalidRequest(message, 'payment_intent_unexpected_state');

export const unrecognizedUrl = (method: string, path: string) =>
  new StripeApiError(
    404,
    {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
    true,
  );
