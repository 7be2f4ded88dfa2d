import { STAGE_PATTERN } from '@mytabs/plan';
import * as z from 'zod';
import { SiteKey } from './sites/sites.ts';

/** A comma-separated context value (`-c callbackUrls=a,b`) or a JSON list (cdk.json). */
const urlList = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()) : v),
  z.array(z.url()).min(1),
);

/** A JSON context value (`-c key='{...}'` arrives as a string; cdk.json gives the object). */
const json = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  }, schema);

/** `-c takeNames=false` arrives as the string `false`. */
const flag = z.preprocess(
  (v) => (v === 'true' ? true : v === 'false' ? false : v),
  z.boolean({ error: 'must be true or false' }),
);

const domainName = z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, 'must be a domain name');

/**
 * Everything that differs between deployments, read from CDK context (`-c key=value` or
 * cdk.json). Nothing of today's account, API or distribution ids is written in the code.
 */
export const MyTabsConfig = z.strictObject({
  /** Goes into every physical name (`mytabs-<stage>-…`); `prod` also turns on protection. */
  stage: z
    .string()
    .regex(STAGE_PATTERN, 'stage must be lower case letters and digits, at most 10')
    .default('dev'),
  /** Unset: the stacks are environment-agnostic and take the account of the deploying credentials. */
  account: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
    .optional(),
  region: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region, e.g. us-east-1')
    .default('us-east-1'),
  domainName: domainName.default('keeptabs.app'),
  /**
   * The public hosted zone the domain's records live in. Unset: each stack that writes records
   * asks for it as the CloudFormation parameter `HostedZoneId` at deploy, so a synth needs no
   * account.
   */
  hostedZoneId: z
    .string()
    .regex(/^Z[A-Z0-9]{1,32}$/, 'must be a Route 53 hosted zone id, e.g. Z0123456789ABCDEFGHIJ')
    .optional(),
  /** The hosted zone's name; the domain by default. */
  hostedZoneName: domainName.optional(),
  /**
   * Whether the distributions and the API take the domain's names (aliases, A/AAAA records, the
   * API's custom domain). `false` deploys them beside a live setup that still holds the names:
   * they answer on their CloudFront and execute-api names only (infra/README.md, "Moving the
   * names over").
   */
  takeNames: flag.default(true),
  /**
   * Site build folders to upload at deploy, by site (`-c siteBuilds='{"web":"../web/build"}'`);
   * each upload invalidates its distribution.
   */
  siteBuilds: json(z.partialRecord(SiteKey, z.string().min(1))).default({}),
  /** Days the bus archive keeps events for replay; 0 keeps them forever. */
  archiveRetentionDays: z.coerce.number().int().min(0).default(365),
  /**
   * Versions of our own keys, by manifest name (`-c keyVersions='{"ticket-ed25519-key":2}'`):
   * raising one makes the next deploy generate a new key (the old one stays as AWSPREVIOUS).
   */
  keyVersions: json(z.record(z.string(), z.coerce.number().int().min(1))).default({}),
  /** Who the alarms (and, with `accountWide`, the budget and cost anomalies) email; unset: no subscription. */
  alarmEmail: z.email().optional(),
  /** The monthly AWS Budget in USD (the seed's $120), alerting at 80 % and 100 %. */
  monthlyBudgetUsd: z.coerce.number().positive().default(120),
  /**
   * Whether this stage also creates what exists once per account (the budget and the cost
   * anomaly monitor, stack `MyTabs-Account`). Unset: only `prod` does.
   */
  accountWide: flag.optional(),
  /** A second region every table is replicated to (a prod option: a global table's replica). */
  tableReplicaRegion: z
    .string()
    .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region, e.g. us-west-2')
    .optional(),
  /** Overrides of today's Cognito names and URLs (defaults come from the identity manifest). */
  userPoolName: z.string().min(1).optional(),
  callbackUrls: urlList.optional(),
  logoutUrls: urlList.optional(),
});
export type MyTabsConfig = z.infer<typeof MyTabsConfig>;

const contextKeys = Object.keys(MyTabsConfig.shape) as (keyof MyTabsConfig)[];

/** The config from a context lookup (`app.node.tryGetContext`), validated; unknown keys are not read. */
export const readConfig = (lookup: (key: string) => unknown): MyTabsConfig => {
  const raw: Record<string, unknown> = {};
  for (const key of contextKeys) {
    const value = lookup(key);
    if (value !== undefined) raw[key] = value;
  }
  const parsed = MyTabsConfig.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid CDK context:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
};
