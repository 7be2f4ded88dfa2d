import { FaultSpec } from './fault-spec.ts';

/** What the first `kind=value` pair of a `--fault` sets, by kind. */
const SUBJECT: Record<string, string> = {
  function: 'function',
  ses: 'mode',
  stripe: 'mode',
  dynamodb: 'table',
};
const OPTIONS: Record<string, { field: string; number?: boolean }> = {
  times: { field: 'times', number: true },
  for: { field: 'seconds', number: true },
  error: { field: 'errorType' },
  status: { field: 'status', number: true },
  recipient: { field: 'recipient' },
  mode: { field: 'mode' },
  matching: { field: 'matching' },
};

/** `30`, `30s`, `5m` or `1h`, in seconds (anything else is left for the schema to refuse). */
const seconds = (text: string) => {
  const match = /^(\d+)([smh]?)$/.exec(text);
  if (!match) return text;
  return Number(match[1]) * ({ '': 1, s: 1, m: 60, h: 3600 }[match[2] ?? ''] ?? 1);
};

/**
 * One `--fault` of `npm start`: `KIND=WHAT[,times=N][,for=DURATION][,...]`, e.g.
 * `function=orders.markPaid,times=3`, `function=ticketing.issueTickets,mode=kill,times=1`,
 * `ses=throttle,for=10m`, `stripe=timeout`,
 * `dynamodb=mytabs-local-orders`. The same spec `POST /_local/faults` takes; throws a one-line
 * reason when it is not one.
 */
export const parseFaultOption = (text: string): FaultSpec => {
  const [first = '', ...rest] = text.split(',');
  const [kind = '', subject] = first.split('=', 2);
  const field = SUBJECT[kind];
  if (!field || subject === undefined) {
    throw new Error(
      `--fault ${text}: begins with function=NAME, ses=refuse|throttle|bounce|complain, stripe=5xx|timeout or dynamodb=TABLE`,
    );
  }
  const spec: Record<string, unknown> = { kind, [field]: subject };
  for (const pair of rest) {
    const at = pair.indexOf('=');
    const option = OPTIONS[pair.slice(0, at)];
    if (at < 0 || !option) {
      throw new Error(
        `--fault ${text}: ${pair} is not an option (times=N, for=DURATION, error=NAME, mode=error|kill, matching=TEXT, status=5xx, recipient=EMAIL)`,
      );
    }
    const value = pair.slice(at + 1);
    spec[option.field] =
      option.field === 'seconds'
        ? seconds(value)
        : option.number && /^\d+$/.test(value)
          ? Number(value)
          : value;
  }
  const parsed = FaultSpec.safeParse(spec);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    throw new Error(`--fault ${text}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
};
