import {
  GetAccountCommand,
  type GetAccountResponse,
  GetEmailIdentityCommand,
  type GetEmailIdentityResponse,
  type SESv2Client,
} from '@aws-sdk/client-sesv2';
import {
  type Answer,
  ask,
  type CheckResult,
  couldNotCheckFinding,
  type Finding,
  isCouldNotCheck,
} from './finding.ts';

/**
 * Whether the stage can mail buyers their tickets: the SES account of the region out of the
 * sandbox and sending, and the domain verified with DKIM. The order confirmation step sends from
 * `noreply@<domain>` to whoever bought, so a sandboxed account fails it for nearly every order.
 */
export const sesFindings = (
  region: string,
  domain: string,
  account: Answer<GetAccountResponse>,
  identity: Answer<GetEmailIdentityResponse>,
): Finding[] => {
  const findings: Finding[] = [];
  const add = (subject: string, problem: string, todo: string, blocking = true) =>
    findings.push({ check: 'ses', subject, problem, todo, blocking });
  const accountSubject = `SES account in ${region}`;

  if (isCouldNotCheck(account)) findings.push(couldNotCheckFinding('ses', accountSubject, account));
  else if (account) {
    if (account.ProductionAccessEnabled !== true) {
      add(
        accountSubject,
        'SES sandbox: only verified addresses receive mail, so buyers get no tickets',
        `request production access (SES console → Get set up → Request production access, or aws sesv2 put-account-details --region ${region} …) and wait for AWS to grant it`,
      );
    }
    if (account.SendingEnabled !== true) {
      const enforcement =
        account.EnforcementStatus && account.EnforcementStatus !== 'HEALTHY'
          ? ` (enforcement status ${account.EnforcementStatus})`
          : '';
      add(
        accountSubject,
        `sending is disabled${enforcement}`,
        enforcement
          ? 'AWS paused it: fix what the SES console reports and ask AWS Support to resume sending'
          : `enable it: aws sesv2 put-account-sending-attributes --region ${region} --sending-enabled`,
      );
    }
  }

  if (isCouldNotCheck(identity)) findings.push(couldNotCheckFinding('ses', domain, identity));
  else if (identity === undefined) {
    add(
      domain,
      `no SES identity in ${region}, so email cannot be sent from noreply@${domain}`,
      `deploy the stage's Email stack, which creates it with its DKIM, MX and SPF records in the hosted zone; beside a live setup (takeNames=false) the live one is used: create it there, aws sesv2 create-email-identity --region ${region} --email-identity ${domain}, then publish the three DKIM CNAME records it returns`,
    );
  } else {
    const verified = identity.VerifiedForSendingStatus === true;
    const dkim = identity.DkimAttributes?.Status ?? 'NOT_STARTED';
    if (!verified) {
      add(
        domain,
        `not verified for sending (verification ${identity.VerificationStatus ?? 'unknown'})`,
        `publish the DKIM CNAME records in the hosted zone (aws sesv2 get-email-identity --region ${region} --email-identity ${domain} lists them) and wait for SES to verify the domain`,
      );
    }
    if (dkim !== 'SUCCESS') {
      // SES verifies a domain through its DKIM records: unverified, the finding above blocks already.
      add(
        domain,
        `DKIM is ${dkim}: mail is not signed for ${domain} and lands in spam`,
        `publish the DKIM CNAME records (aws sesv2 get-email-identity --region ${region} --email-identity ${domain} lists them) and wait for SES to see them`,
        false,
      );
    }
  }
  return findings;
};

export const checkSes = async (
  client: SESv2Client,
  { region, domain }: { region: string; domain: string },
): Promise<CheckResult> => {
  const [account, identity] = await Promise.all([
    ask(() => client.send(new GetAccountCommand({}))),
    ask(
      () => client.send(new GetEmailIdentityCommand({ EmailIdentity: domain })),
      ['NotFoundException'],
    ),
  ]);
  return {
    check: 'ses',
    ok: `SES in ${region} out of the sandbox and sending, ${domain} verified with DKIM`,
    findings: sesFindings(region, domain, account, identity),
  };
};
