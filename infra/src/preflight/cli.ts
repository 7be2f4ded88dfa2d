import { parseArgs } from 'node:util';
import { catalog } from '@mytabs/contracts';
import { loadManifests } from '@mytabs/contracts/manifest/load-manifests';
import { resolvePlan, STAGE_PATTERN } from '@mytabs/plan';
import * as z from 'zod';
import { MyTabsConfig } from '../config.ts';
import { blocksOrders, formatReport } from './report.ts';
import { runPreflight } from './run-preflight.ts';

const USAGE = `Usage: npm run preflight -- --stage <stage> [--region <region>] [--domain <domain>]

Lists what stands between a deployed stage and its first order: its secrets, SES, the domain's
hosted zone and its certificate. Read-only AWS calls, with the default credential chain;
AWS_ENDPOINT_URL sends them elsewhere (e.g. the local platform).

  --stage   the stage to check (required), e.g. prod
  --region  the stage's region (default us-east-1); the certificate is looked for in us-east-1
  --domain  the site's domain (default keeptabs.app)

Exit code: 0 when nothing blocks taking orders, 1 when something does, 2 on a usage error.
`;

const ARGS = {
  stage: { type: 'string' },
  region: { type: 'string' },
  domain: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Region and domain are validated, and defaulted, as the CDK app's context is. */
const Options = z.object({
  stage: z
    .string({ error: 'is required' })
    .regex(STAGE_PATTERN, `must match ${STAGE_PATTERN} (lower case, at most 10 characters)`),
  region: MyTabsConfig.shape.region,
  domain: MyTabsConfig.shape.domainName,
});

/** The preflight as a command: its exit code. Output goes to `out`, usage errors to `err`. */
export const preflightCli = async (
  argv: readonly string[],
  {
    repoRoot,
    out = (text: string) => process.stdout.write(text),
    err = (text: string) => process.stderr.write(text),
  }: { repoRoot: string; out?: (text: string) => void; err?: (text: string) => void },
): Promise<number> => {
  let values: ReturnType<typeof parseArgs<{ options: typeof ARGS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...argv], options: ARGS, allowPositionals: false }));
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const options = Options.safeParse(values);
  if (!options.success) {
    err(
      `${options.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n')}\n\n${USAGE}`,
    );
    return 2;
  }
  const { stage, region, domain } = options.data;
  const plan = resolvePlan({
    stage,
    services: await loadManifests(repoRoot),
    events: catalog,
    // Only the plan's names are read; the ARNs built from this are never used.
    location: { partition: 'aws', region, account: '000000000000' },
    emailDomain: domain,
  });
  const results = await runPreflight({ stage, region, domain, secrets: plan.secrets });
  const endpoint = process.env.AWS_ENDPOINT_URL;
  out(formatReport({ stage, region, domain, ...(endpoint && { endpoint }) }, results));
  return blocksOrders(results) ? 1 : 0;
};
