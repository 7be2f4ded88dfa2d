import { parseArgs } from 'node:util';
import { STAGE_PATTERN } from '@mytabs/plan';
import * as z from 'zod';

export const USAGE = `npm run ops -- <command> [options]

commands:
  status                         dead letters, failed executions, stuck orders, unsent emails
  dlq show <queue>               a queue's letters and their errors (queue or function name)
  dlq redrive <queue> | --all    each letter's event given again to its function
  replay --from T --to T [--rule NAME ...]
                                 the archive's events of [from, to) sent again to those rules
  executions failed              failed workflow executions
  executions redrive             each failed execution redriven from the step that failed
  orders stuck                   paid orders not fulfilled
  orders resume [ORDER_ID ...]   stuck orders (all, or those named) resumed by their fulfillment
  emails resend [ORDER_ID ...]   unsent confirmations and apologies (or the confirmations named) sent again, once

options:
  --stage NAME        the stage (MYTABS_STAGE); with --endpoint, default local
  --endpoint URL      a local platform's edge (AWS_ENDPOINT_URL); unset: AWS
  --region REGION     default AWS_REGION, else us-east-1
  --older-than MIN    how long an order waits before it counts as stuck, or its apology as unsent (default 15)
  --workflow NAME     executions of one workflow only (e.g. OrderFulfillment)
  --json              one JSON document on stdout, nothing else
  --dry-run           say what would change, change nothing`;

const Options = z.object({
  stage: z.string().regex(STAGE_PATTERN, 'a stage is lower case, at most 10 characters'),
  endpoint: z.url().optional(),
  region: z.string().min(1),
  olderThanMinutes: z.coerce.number().min(0),
  workflow: z.string().optional(),
  json: z.boolean(),
  dryRun: z.boolean(),
  all: z.boolean(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  rules: z.array(z.string()),
});
export type Options = z.infer<typeof Options>;

export class UsageError extends Error {
  override name = 'UsageError';
}

export const parseCli = (argv: string[], env: NodeJS.ProcessEnv) => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      stage: { type: 'string' },
      endpoint: { type: 'string' },
      region: { type: 'string' },
      'older-than': { type: 'string' },
      workflow: { type: 'string' },
      json: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
      rule: { type: 'string', multiple: true },
      help: { type: 'boolean', default: false },
    },
  });
  const endpoint = values.endpoint ?? env.AWS_ENDPOINT_URL;
  const stage = values.stage ?? env.MYTABS_STAGE ?? (endpoint ? 'local' : undefined);
  if (values.help) return { help: true as const };
  if (!stage) throw new UsageError('name the stage: --stage NAME (or --endpoint for a local one)');
  const parsed = Options.safeParse({
    stage,
    endpoint,
    region: values.region ?? env.AWS_REGION ?? 'us-east-1',
    olderThanMinutes: values['older-than'] ?? 15,
    workflow: values.workflow,
    json: values.json,
    dryRun: values['dry-run'],
    all: values.all,
    from: values.from,
    to: values.to,
    rules: values.rule ?? [],
  });
  if (!parsed.success) {
    throw new UsageError(
      parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  const [command, ...rest] = positionals;
  if (!command) throw new UsageError('name a command');
  return { help: false as const, command, rest, options: parsed.data };
};
