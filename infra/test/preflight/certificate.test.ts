import type { CertificateDetail, CertificateSummary } from '@aws-sdk/client-acm';
import { describe, expect, it } from 'vitest';
import {
  certificateFindings,
  mayCover,
  pendingValidations,
} from '../../src/preflight/certificate.ts';

const ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-1111-2222-3333-444455556666';
const OTHER_ARN =
  'arn:aws:acm:us-east-1:123456789012:certificate/9f8e7d6c-1111-2222-3333-444455556666';

const VALIDATION_RECORD = {
  Name: '_3639ac514e785e898d2646601fa951d5.keeptabs.app.',
  Type: 'CNAME' as const,
  Value: '_98d2646601fa951d53639ac514e785e8.mhbtsbpdnt.acm-validations.aws.',
};

const detail = (
  status: CertificateDetail['Status'],
  names: string[],
  arn = ARN,
): CertificateDetail => ({
  CertificateArn: arn,
  DomainName: names[0],
  SubjectAlternativeNames: names,
  Status: status,
  Type: 'AMAZON_ISSUED',
  KeyAlgorithm: 'RSA_2048',
  DomainValidationOptions: names.map((n) => ({
    DomainName: n,
    ValidationDomain: n,
    ValidationMethod: 'DNS',
    ValidationStatus: status === 'ISSUED' ? 'SUCCESS' : 'PENDING_VALIDATION',
    ResourceRecord: VALIDATION_RECORD,
  })),
});

const BOTH = ['keeptabs.app', '*.keeptabs.app'];

describe('mayCover picks the listed certificates worth describing', () => {
  const summary = (s: Partial<CertificateSummary>): CertificateSummary => ({
    CertificateArn: ARN,
    Status: 'ISSUED',
    Type: 'AMAZON_ISSUED',
    KeyAlgorithm: 'RSA_2048',
    ...s,
  });
  it.each([
    [{ DomainName: 'keeptabs.app', SubjectAlternativeNameSummaries: BOTH }, true],
    [{ DomainName: '*.KeepTabs.app', SubjectAlternativeNameSummaries: ['*.KeepTabs.app'] }, true],
    [
      {
        DomainName: 'api.keeptabs.app',
        SubjectAlternativeNameSummaries: ['api.keeptabs.app'],
        HasAdditionalSubjectAlternativeNames: true,
      },
      true,
    ],
    [
      { DomainName: 'api.keeptabs.app', SubjectAlternativeNameSummaries: ['api.keeptabs.app'] },
      false,
    ],
    [{ DomainName: 'example.com', SubjectAlternativeNameSummaries: ['example.com'] }, false],
  ])('%j → %s', (s, expected) => {
    expect(mayCover('keeptabs.app', summary(s))).toBe(expected);
  });
});

describe('certificateFindings', () => {
  it('finds nothing when an ISSUED certificate holds the domain and its wildcard', () => {
    expect(
      certificateFindings('keeptabs.app', [
        detail('PENDING_VALIDATION', BOTH, OTHER_ARN),
        detail('ISSUED', ['*.keeptabs.app', 'keeptabs.app']),
      ]),
    ).toEqual([]);
  });

  it('names the one record a pending certificate waits for, once for both names', () => {
    const [finding] = certificateFindings('keeptabs.app', [detail('PENDING_VALIDATION', BOTH)]);
    expect(finding).toMatchObject({
      check: 'certificate',
      subject: 'certificate for keeptabs.app and *.keeptabs.app (us-east-1)',
      blocking: true,
    });
    expect(finding?.problem).toBe(
      `${ARN} is PENDING_VALIDATION, waiting for the DNS record ${VALIDATION_RECORD.Name} CNAME ${VALIDATION_RECORD.Value}`,
    );
  });

  it('says which email or redirect a certificate validated otherwise waits for', () => {
    const byEmail: CertificateDetail = {
      ...detail('PENDING_VALIDATION', BOTH),
      DomainValidationOptions: [
        {
          DomainName: 'keeptabs.app',
          ValidationMethod: 'EMAIL',
          ValidationStatus: 'PENDING_VALIDATION',
          ValidationEmails: ['admin@keeptabs.app', 'webmaster@keeptabs.app'],
        },
        { DomainName: '*.keeptabs.app', ValidationMethod: 'EMAIL', ValidationStatus: 'SUCCESS' },
      ],
    };
    expect(pendingValidations(byEmail)).toEqual([
      'the approval email for keeptabs.app (sent to admin@keeptabs.app, webmaster@keeptabs.app)',
    ]);
  });

  it('blocks on a certificate that failed or expired, and asks for a new one', () => {
    const failed = { ...detail('FAILED', BOTH), FailureReason: 'CAA_ERROR' as const };
    const [finding] = certificateFindings('keeptabs.app', [failed]);
    expect(finding?.problem).toBe(`${ARN} is FAILED (CAA_ERROR)`);
    expect(finding?.todo).toContain(
      "aws acm request-certificate --region us-east-1 --domain-name keeptabs.app --subject-alternative-names '*.keeptabs.app'",
    );
  });

  it('names what an issued certificate lacks', () => {
    const [finding] = certificateFindings('keeptabs.app', [
      detail('ISSUED', ['keeptabs.app', 'www.keeptabs.app']),
    ]);
    expect(finding?.problem).toBe(`${ARN} is ISSUED but does not cover *.keeptabs.app`);
  });

  it('blocks when there is none, and when it could not look', () => {
    expect(certificateFindings('keeptabs.app', [])[0]?.problem).toBe('none exists');
    expect(certificateFindings('keeptabs.app', undefined)[0]?.problem).toBe('none exists');
    const [denied] = certificateFindings('keeptabs.app', {
      couldNotCheck: 'AccessDeniedException: not authorized to perform: acm:ListCertificates',
    });
    expect(denied).toMatchObject({ blocking: true });
    expect(denied?.problem).toMatch(/^could not check/);
  });
});
