import {
  type ACMClient,
  type CertificateDetail,
  type CertificateSummary,
  DescribeCertificateCommand,
  KeyAlgorithm,
  paginateListCertificates,
} from '@aws-sdk/client-acm';
import { CERTIFICATE_REGION, namesToCover } from '../domains/certificate-names.ts';
import {
  type Answer,
  ask,
  type CheckResult,
  couldNotCheckFinding,
  type Finding,
  isCouldNotCheck,
} from './finding.ts';

const lower = (names: readonly (string | undefined)[]) =>
  names.flatMap((n) => (n ? [n.toLowerCase()] : []));

/**
 * Whether a listed certificate may be one for the domain. A summary lists only some of the
 * alternative names, so one that says it has more is looked at too if its main name is ours.
 */
export const mayCover = (domain: string, summary: CertificateSummary) => {
  const wanted = namesToCover(domain);
  const listed = lower([summary.DomainName, ...(summary.SubjectAlternativeNameSummaries ?? [])]);
  if (listed.some((n) => wanted.includes(n))) return true;
  const main = summary.DomainName?.toLowerCase() ?? '';
  return summary.HasAdditionalSubjectAlternativeNames === true && main.endsWith(wanted[0] ?? '');
};

const covers = (domain: string, cert: CertificateDetail) => {
  const held = lower([cert.DomainName, ...(cert.SubjectAlternativeNames ?? [])]);
  return namesToCover(domain).filter((n) => held.includes(n));
};

/** What each name still waiting for validation waits for, from the certificate's own description. */
export const pendingValidations = (cert: CertificateDetail): string[] => {
  const waits = (cert.DomainValidationOptions ?? [])
    .filter((v) => v.ValidationStatus !== 'SUCCESS')
    .map((v) => {
      if (v.ValidationMethod === 'EMAIL') {
        const to = (v.ValidationEmails ?? []).join(', ') || 'the domain contacts';
        return `the approval email for ${v.DomainName} (sent to ${to})`;
      }
      if (v.ValidationMethod === 'HTTP' && v.HttpRedirect) {
        return `an HTTP redirect from ${v.HttpRedirect.RedirectFrom} to ${v.HttpRedirect.RedirectTo}`;
      }
      const record = v.ResourceRecord;
      return record
        ? `the DNS record ${record.Name} ${record.Type} ${record.Value}`
        : `DNS validation of ${v.DomainName} (its record is not assigned yet)`;
    });
  // The apex and its wildcard are validated by one and the same record: say it once.
  return [...new Set(waits)];
};

const requestCommand = (domain: string) =>
  `aws acm request-certificate --region ${CERTIFICATE_REGION} --domain-name ${domain} --subject-alternative-names '*.${domain}' --validation-method DNS, then create the CNAME record it asks for in the hosted zone`;

/** Preference among certificates that hold both names: the one furthest along. */
const STATUS_ORDER = ['ISSUED', 'PENDING_VALIDATION'];
const rank = (cert: CertificateDetail) => {
  const i = STATUS_ORDER.indexOf(cert.Status ?? '');
  return i === -1 ? STATUS_ORDER.length : i;
};

/** Whether CloudFront has an ISSUED certificate for the domain and its subdomains to serve. */
export const certificateFindings = (
  domain: string,
  answer: Answer<readonly CertificateDetail[]>,
): Finding[] => {
  const [apex = domain, wildcard = `*.${domain}`] = namesToCover(domain);
  const subject = `certificate for ${apex} and ${wildcard} (${CERTIFICATE_REGION})`;
  if (isCouldNotCheck(answer)) return [couldNotCheckFinding('certificate', subject, answer)];
  const finding = (problem: string, todo: string): Finding[] => [
    { check: 'certificate', subject, problem, todo, blocking: true },
  ];
  const certs = answer ?? [];
  const both = certs
    .filter((c) => covers(domain, c).length === 2)
    .sort((a, b) => rank(a) - rank(b));
  const best = both[0];
  if (best?.Status === 'ISSUED') return [];
  if (best?.Status === 'PENDING_VALIDATION') {
    const waits = pendingValidations(best);
    return finding(
      `${best.CertificateArn} is PENDING_VALIDATION, waiting for ${waits.join('; ') || 'its validation'}`,
      'create that record in the hosted zone (or answer that email) and wait for ACM to issue it',
    );
  }
  if (best) {
    return finding(
      `${best.CertificateArn} is ${best.Status}${best.FailureReason ? ` (${best.FailureReason})` : ''}`,
      `request a new one: ${requestCommand(domain)}`,
    );
  }
  const partial = certs.find((c) => c.Status === 'ISSUED' && covers(domain, c).length === 1);
  if (partial) {
    const missing = namesToCover(domain).filter((n) => !covers(domain, partial).includes(n));
    return finding(
      `${partial.CertificateArn} is ISSUED but does not cover ${missing.join(', ')}`,
      `request one for both names: ${requestCommand(domain)}`,
    );
  }
  return finding('none exists', `request one: ${requestCommand(domain)}`);
};

/** Certificates of every key type: ListCertificates returns RSA-2048 ones only unless told. */
const ALL_KEY_TYPES = Object.values(KeyAlgorithm);

/** Enough to find the domain's certificate among many, few enough to keep the preflight quick. */
const MAX_DESCRIBED = 20;

export const checkCertificate = async (
  client: ACMClient,
  { domain }: { domain: string },
): Promise<CheckResult> => {
  const details = await ask(async () => {
    const candidates: CertificateSummary[] = [];
    for await (const page of paginateListCertificates(
      { client },
      { Includes: { keyTypes: ALL_KEY_TYPES } },
    )) {
      candidates.push(...(page.CertificateSummaryList ?? []).filter((s) => mayCover(domain, s)));
    }
    const described = await Promise.all(
      candidates
        .slice(0, MAX_DESCRIBED)
        .map((s) =>
          client.send(new DescribeCertificateCommand({ CertificateArn: s.CertificateArn })),
        ),
    );
    return described.flatMap((d) => (d.Certificate ? [d.Certificate] : []));
  });
  const [apex, wildcard] = namesToCover(domain);
  return {
    check: 'certificate',
    ok: `ISSUED certificate for ${apex} and ${wildcard} in ${CERTIFICATE_REGION}`,
    findings: certificateFindings(domain, details),
  };
};
