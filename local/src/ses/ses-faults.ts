import { randomUUID } from 'node:crypto';
import type { EdgeRequest, EdgeResponse } from '../edge/aws-service.ts';
import type { LocalFaults } from '../faults/local-faults.ts';

export const recipientsOf = (body: Buffer) => {
  try {
    const destination = (JSON.parse(body.toString('utf8')) as { Destination?: unknown })
      .Destination as Record<string, unknown> | undefined;
    return ['ToAddresses', 'CcAddresses', 'BccAddresses'].flatMap((field) => {
      const list = destination?.[field];
      return Array.isArray(list) ? list.map((a) => String(a).toLowerCase()) : [];
    });
  } catch {
    return [];
  }
};

/** Whether an `ses` fault is for this SendEmail: for every one, or one to its recipient. */
export const appliesTo = (fault: { recipient?: string | undefined }, body: Buffer) =>
  fault.recipient === undefined || recipientsOf(body).includes(fault.recipient.toLowerCase());

/**
 * SES v2's answer to a SendEmail while an injected `ses` fault applies to it (every SendEmail, or
 * those to its recipient): MessageRejected (400) or TooManyRequestsException (429), or undefined
 * to send the email.
 */
export const sesFaultAnswer = (
  faults: LocalFaults,
  request: EdgeRequest,
): EdgeResponse | undefined => {
  if (request.method !== 'POST' || request.path !== '/v2/email/outbound-emails') return undefined;
  const fault = faults.take(
    'ses',
    (f) => (f.mode === 'refuse' || f.mode === 'throttle') && appliesTo(f, request.body),
  );
  if (!fault) return undefined;
  const [status, code, message] =
    fault.mode === 'refuse'
      ? [400, 'MessageRejected', `Email rejected (injected fault ${fault.id})`]
      : [
          429,
          'TooManyRequestsException',
          `Maximum sending rate exceeded (injected fault ${fault.id})`,
        ];
  return {
    status,
    headers: {
      'content-type': 'application/json',
      'x-amzn-errortype': code,
      'x-amzn-requestid': randomUUID(),
    },
    body: JSON.stringify({ message }),
  };
};
