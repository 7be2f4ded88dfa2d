import { type Options, parseCli, USAGE, UsageError } from './cli-args.ts';
import { queueNamed, redriveLetters, showLetters } from './dead-letters.ts';
import { failedExecutions, redriveExecutions, workflowsNamed } from './executions.ts';
import { progressBar } from './progress.ts';
import {
  executionRedriveText,
  executionsText,
  lettersText,
  redriveText,
  resendText,
  resumeText,
  statusText,
  stuckText,
} from './render.ts';
import { replay } from './replay.ts';
import { type EmailToResend, resendEmails } from './resend-emails.ts';
import { resumeOrders } from './resume-orders.ts';
import { status } from './status.ts';
import { scanOrders, stuckOrders, unsentEmails } from './stuck-orders.ts';
import { openTarget, type Target } from './target.ts';
import { unsentApologies } from './unsent-apologies.ts';

export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
}

/** A command's answer: the document `--json` prints, its text, and whether all of it worked. */
interface Answer {
  json: unknown;
  text: string;
  ok: boolean;
}

type Run = (target: Target, args: string[], options: Options, io: CliIo) => Promise<Answer>;

const one = (args: string[], what: string) => {
  const [value, ...extra] = args;
  if (!value || extra.length > 0) throw new UsageError(`name one ${what}`);
  return value;
};

const olderThan = (options: Options) => ({ olderThanMs: options.olderThanMinutes * 60_000 });

const commands: Record<string, Run> = {
  status: async (target, _args, options) => {
    const found = await status(target, olderThan(options));
    return { json: found, text: statusText(found), ok: true };
  },
  'dlq show': async (target, args) => {
    const queue = queueNamed(target, one(args, 'queue'));
    const letters = (await showLetters(target, queue)).map(({ receiptHandle: _, ...l }) => l);
    return {
      json: { queue: queue.name, letters },
      text: lettersText(queue.name, letters),
      ok: true,
    };
  },
  'dlq redrive': async (target, args, options, io) => {
    const queues = options.all
      ? target.plan.deadLetterQueues
      : [queueNamed(target, one(args, 'queue (or --all)'))];
    const outcomes = [];
    for (const queue of queues) {
      outcomes.push(
        await redriveLetters(target, queue, {
          dryRun: options.dryRun,
          onProgress: progressBar(io.stderr, queue.name),
        }),
      );
    }
    const worked = outcomes.filter((o) => o.delivered.length + o.failed.length > 0);
    return {
      json: { dryRun: options.dryRun, queues: worked },
      text: redriveText(worked, options.dryRun),
      ok: worked.every((o) => o.failed.length === 0),
    };
  },
  replay: async (target, _args, options) => {
    if (!options.from || !options.to) throw new UsageError('replay needs --from and --to');
    const outcome = await replay(target, {
      from: options.from,
      to: options.to,
      rules: options.rules,
      dryRun: options.dryRun,
    });
    return {
      json: outcome,
      text: `replay of ${outcome.archive} ${outcome.from} → ${outcome.to} to ${outcome.rules.join(', ') || 'every rule'}: ${outcome.state}`,
      ok: options.dryRun || outcome.state === 'COMPLETED',
    };
  },
  'executions failed': async (target, _args, options) => {
    const failed = await failedExecutions(target, workflowsNamed(target, options.workflow));
    return { json: { executions: failed }, text: executionsText(failed), ok: true };
  },
  'executions redrive': async (target, _args, options, io) => {
    const failed = await failedExecutions(target, workflowsNamed(target, options.workflow));
    const outcome = await redriveExecutions(target, failed, {
      dryRun: options.dryRun,
      onProgress: progressBar(io.stderr, 'executions'),
    });
    return {
      json: { dryRun: options.dryRun, ...outcome },
      text: executionRedriveText(outcome, options.dryRun),
      ok: outcome.failed.length === 0,
    };
  },
  'orders stuck': async (target, _args, options) => {
    const stuck = await stuckOrders(target, olderThan(options));
    return { json: { orders: stuck }, text: stuckText(stuck), ok: true };
  },
  'orders resume': async (target, args, options, io) => {
    const stuck = await stuckOrders(target, olderThan(options));
    const unknown = args.filter((id) => !stuck.some((o) => o.orderId === id));
    if (unknown.length > 0) {
      throw new UsageError(`not stuck (or not found): ${unknown.join(', ')}`);
    }
    const chosen = args.length > 0 ? stuck.filter((o) => args.includes(o.orderId)) : stuck;
    const outcome = await resumeOrders(target, chosen, {
      dryRun: options.dryRun,
      onProgress: progressBar(io.stderr, 'orders'),
    });
    return {
      json: { dryRun: options.dryRun, ...outcome },
      text: resumeText(outcome, options.dryRun),
      ok: outcome.failed.length === 0,
    };
  },
  'emails resend': async (target, args, options, io) => {
    const orders = args.length > 0 ? [] : await scanOrders(target);
    const emails: EmailToResend[] =
      args.length > 0
        ? args.map((orderId) => ({ orderId, template: 'order-confirmation' }))
        : [
            ...unsentEmails(orders).map((u) => ({ ...u, template: 'order-confirmation' as const })),
            ...(await unsentApologies(target, orders, olderThan(options))).map((u) => ({
              ...u,
              template: 'order-failed' as const,
            })),
          ];
    const outcome = await resendEmails(target, emails, {
      dryRun: options.dryRun,
      onProgress: progressBar(io.stderr, 'emails'),
    });
    return {
      json: { dryRun: options.dryRun, ...outcome },
      text: resendText(outcome, options.dryRun),
      ok: outcome.failed.length === 0,
    };
  },
};

/**
 * `npm run ops -- <command>`: answers its exit code (0 all done, 1 something failed or could not
 * be done, 2 the command line was wrong). With `--json`, stdout gets one document and nothing else.
 */
export const runOps = async (argv: string[], io: CliIo): Promise<number> => {
  let json = argv.includes('--json');
  try {
    const cli = parseCli(argv, io.env);
    if (cli.help) {
      io.stdout.write(`${USAGE}\n`);
      return 0;
    }
    json = cli.options.json;
    const two = `${cli.command} ${cli.rest[0] ?? ''}`;
    const [name, args] = commands[two] ? [two, cli.rest.slice(1)] : [cli.command, cli.rest];
    const run = commands[name];
    if (!run) throw new UsageError(`unknown command: ${[cli.command, ...cli.rest].join(' ')}`);
    const target = await openTarget(cli.options);
    try {
      const answer = await run(target, args, cli.options, io);
      io.stdout.write(json ? `${JSON.stringify(answer.json, null, 2)}\n` : `${answer.text}\n`);
      return answer.ok ? 0 : 1;
    } finally {
      target.close();
    }
  } catch (error) {
    const usage =
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    const message = (error as Error).message;
    if (json) {
      io.stdout.write(`${JSON.stringify({ error: message }, null, 2)}\n`);
    } else {
      io.stderr.write(`${message}${usage ? `\n\n${USAGE}` : ''}\n`);
    }
    return usage ? 2 : 1;
  }
};
