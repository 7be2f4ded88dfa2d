import type { GetAccountResponse, GetEmailIdentityResponse } from '@aws-sdk/client-sesv2';
import { describe, expect, it } from 'vitest';
import { sesFindings } from '../../src/preflight/ses.ts';

const READY_ACCOUNT: GetAccountResponse = {
  ProductionAccessEnabled: true,
  SendingEnabled: true,
  EnforcementStatus: 'HEALTHY',
  DedicatedIpAutoWarmupEnabled: false,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 0 },
};
const VERIFIED_DOMAIN: GetEmailIdentityResponse = {
  IdentityType: 'DOMAIN',
  VerifiedForSendingStatus: true,
  VerificationStatus: 'SUCCESS',
  FeedbackForwardingStatus: true,
  DkimAttributes: {
    SigningEnabled: true,
    Status: 'SUCCESS',
    Tokens: ['a1', 'b2', 'c3'],
    SigningAttributesOrigin: 'AWS_SES',
  },
};

const problems = (
  account: Parameters<typeof sesFindings>[2],
  identity: Parameters<typeof sesFindings>[3],
) =>
  sesFindings('eu-west-1', 'keeptabs.app', account, identity).map((f) => [
    f.subject,
    f.problem,
    f.blocking,
  ]);

describe('sesFindings', () => {
  it('finds nothing for a production account sending from a DKIM-verified domain', () => {
    expect(problems(READY_ACCOUNT, VERIFIED_DOMAIN)).toEqual([]);
  });

  it('blocks on the sandbox and on sending disabled, saying why and what to do', () => {
    const findings = sesFindings(
      'eu-west-1',
      'keeptabs.app',
      { ...READY_ACCOUNT, ProductionAccessEnabled: false, SendingEnabled: false },
      VERIFIED_DOMAIN,
    );
    expect(findings.map((f) => [f.subject, f.problem, f.blocking])).toEqual([
      [
        'SES account in eu-west-1',
        'SES sandbox: only verified addresses receive mail, so buyers get no tickets',
        true,
      ],
      ['SES account in eu-west-1', 'sending is disabled', true],
    ]);
    expect(findings[0]?.todo).toMatch(/^request production access/);
    expect(findings[1]?.todo).toBe(
      'enable it: aws sesv2 put-account-sending-attributes --region eu-west-1 --sending-enabled',
    );
  });

  it('sends a paused account to AWS Support', () => {
    const [paused] = sesFindings(
      'us-east-1',
      'keeptabs.app',
      { ...READY_ACCOUNT, SendingEnabled: false, EnforcementStatus: 'SHUTDOWN' },
      VERIFIED_DOMAIN,
    );
    expect(paused?.problem).toBe('sending is disabled (enforcement status SHUTDOWN)');
    expect(paused?.todo).toContain('AWS Support');
  });

  it('blocks on a missing identity, and on one not verified yet', () => {
    const [missing] = sesFindings('us-east-1', 'keeptabs.app', READY_ACCOUNT, undefined);
    expect(missing?.problem).toContain('no SES identity in us-east-1');
    expect(missing?.todo).toContain("deploy the stage's Email stack");
    expect(missing?.todo).toContain(
      'aws sesv2 create-email-identity --region us-east-1 --email-identity keeptabs.app',
    );

    const pending: GetEmailIdentityResponse = {
      ...VERIFIED_DOMAIN,
      VerifiedForSendingStatus: false,
      VerificationStatus: 'PENDING',
      DkimAttributes: { ...VERIFIED_DOMAIN.DkimAttributes, Status: 'PENDING' },
    };
    expect(problems(READY_ACCOUNT, pending)).toEqual([
      ['keeptabs.app', 'not verified for sending (verification PENDING)', true],
      [
        'keeptabs.app',
        'DKIM is PENDING: mail is not signed for keeptabs.app and lands in spam',
        false,
      ],
    ]);
  });

  it('only warns of DKIM not set up on a domain verified for sending otherwise', () => {
    const unsigned: GetEmailIdentityResponse = {
      ...VERIFIED_DOMAIN,
      DkimAttributes: { SigningEnabled: false, Status: 'NOT_STARTED' },
    };
    expect(problems(READY_ACCOUNT, unsigned)).toEqual([
      [
        'keeptabs.app',
        'DKIM is NOT_STARTED: mail is not signed for keeptabs.app and lands in spam',
        false,
      ],
    ]);
  });

  it('reports each read it could not make', () => {
    const denied = {
      couldNotCheck: 'AccessDeniedException: not authorized to perform: ses:GetAccount',
    };
    expect(problems(denied, denied)).toEqual([
      ['SES account in eu-west-1', `could not check: ${denied.couldNotCheck}`, true],
      ['keeptabs.app', `could not check: ${denied.couldNotCheck}`, true],
    ]);
  });
});
