import type { IncomingMessage, ServerResponse } from 'node:http';
import * as z from 'zod';
import type { EdgeRequest, EdgeResponse } from '../edge/aws-service.ts';

/**
 * Injected SES failures, for tests of what a service does when SES refuses to send. A fault names
 * a recipient address, the SES v2 error to answer (MessageRejected, TooManyRequestsException...)
 * and how many SendEmail calls it fails (`times`, every call while it is set when omitted).
 * Set with `POST <ses>/faults`, cleared with `DELETE <ses>/faults`.
 */
const Fault = z.object({
  recipient: z.email(),
  error: z.string().regex(/^[A-Za-z]+$/),
  status: z.number().int().min(400).max(599).optional(),
  times: z.number().int().min(1).optional(),
});
type Fault = z.infer<typeof Fault>;

/** SES v2's status for the errors a test is likely to inject; others default to 400. */
const STATUS: Record<string, number> = {
  TooManyRequestsException: 429,
  InternalFailure: 500,
  ServiceUnavailable: 503,
};

const recipientsOf = (body: Buffer) => {
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

export const sesFaults = () => {
  const faults: Fault[] = [];

  /** The injected error for a SendEmail to a faulty recipient, or undefined to send it. */
  const answer = (request: EdgeRequest): EdgeResponse | undefined => {
    if (request.method !== 'POST' || request.path !== '/v2/email/outbound-emails') return undefined;
    const recipients = recipientsOf(request.body);
    const index = faults.findIndex((f) => recipients.includes(f.recipient.toLowerCase()));
    const fault = faults[index];
    if (!fault) return undefined;
    if (fault.times !== undefined && --fault.times === 0) faults.splice(index, 1);
    return {
      status: fault.status ?? STATUS[fault.error] ?? 400,
      headers: { 'content-type': 'application/json', 'x-amzn-errortype': fault.error },
      body: JSON.stringify({ message: `Injected fault for ${fault.recipient}` }),
    };
  };

  /** `/faults` on the inbox port; answers true when it handled the request. */
  const control = (req: IncomingMessage, res: ServerResponse) => {
    if (req.url !== '/faults') return false;
    if (req.method === 'DELETE') {
      faults.length = 0;
      res.writeHead(204).end();
      return true;
    }
    if (req.method !== 'POST') {
      res.writeHead(405).end();
      return true;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      let parsed: ReturnType<typeof Fault.safeParse> | undefined;
      try {
        parsed = Fault.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {}
      if (!parsed?.success) {
        res.writeHead(400, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: 'expected {recipient, error, status?, times?}' }));
        return;
      }
      faults.push(parsed.data);
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(parsed.data));
    });
    return true;
  };

  return { answer, control };
};
