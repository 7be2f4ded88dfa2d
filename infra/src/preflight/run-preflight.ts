import { ACMClient } from '@aws-sdk/client-acm';
import { Route53Client } from '@aws-sdk/client-route-53';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SecretPlan } from '@mytabs/plan';
import { CERTIFICATE_REGION } from '../domains/certificate-names.ts';
import { checkCertificate } from './certificate.ts';
import { CHECKS, type CheckName, type CheckResult } from './finding.ts';
import { checkHostedZone } from './hosted-zone.ts';
import { checkSecrets } from './secrets.ts';
import { checkSes } from './ses.ts';

export interface PreflightInput {
  stage: string;
  /** The stage's region: its secrets and its SES account. */
  region: string;
  domain: string;
  /** The stage plan's secrets (`resolvePlan(...).secrets`). */
  secrets: readonly SecretPlan[];
  /** Which checks to run; all by default. */
  checks?: readonly CheckName[];
  /**
   * Added to every client's configuration. Unset, the SDK's defaults apply: the default
   * credential chain, and AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_<SERVICE>) if set.
   */
  clientConfig?: {
    endpoint?: string;
    credentials?: { accessKeyId: string; secretAccessKey: string };
  };
}

/** Makes a check's client, and closes its connections once the check is done. */
const using = async <C extends { destroy(): void }>(
  client: C,
  check: (client: C) => Promise<CheckResult>,
) => {
  try {
    return await check(client);
  } finally {
    client.destroy();
  }
};

/** Runs the chosen checks side by side, read-only; a failed call is a finding, never a throw. */
export const runPreflight = async (input: PreflightInput): Promise<CheckResult[]> => {
  const { stage, region, domain, secrets, clientConfig = {} } = input;
  const wanted = new Set(input.checks ?? CHECKS);
  const runs: Record<CheckName, () => Promise<CheckResult>> = {
    secrets: () =>
      using(new SecretsManagerClient({ ...clientConfig, region }), (client) =>
        checkSecrets(client, { stage, region, secrets }),
      ),
    ses: () =>
      using(new SESv2Client({ ...clientConfig, region }), (client) =>
        checkSes(client, { region, domain }),
      ),
    // Route 53 is global; its API is signed for us-east-1.
    'hosted-zone': () =>
      using(new Route53Client({ ...clientConfig, region: 'us-east-1' }), (client) =>
        checkHostedZone(client, { domain }),
      ),
    certificate: () =>
      using(new ACMClient({ ...clientConfig, region: CERTIFICATE_REGION }), (client) =>
        checkCertificate(client, { domain }),
      ),
  };
  return Promise.all(CHECKS.filter((c) => wanted.has(c)).map((c) => runs[c]()));
};
