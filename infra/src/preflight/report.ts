import { CHECKS, type CheckResult, type Finding } from './finding.ts';

export interface ReportHeading {
  stage: string;
  region: string;
  domain: string;
  /** Where the calls went when not to AWS itself (AWS_ENDPOINT_URL). */
  endpoint?: string;
}

/** Whether the stage cannot take orders as it stands: exit code 1. */
export const blocksOrders = (results: readonly CheckResult[]) =>
  results.some((r) => r.findings.some((f) => f.blocking));

const MARK = { blocking: 'BLOCKS', warning: 'WARN  ', ok: 'ok    ' };
const WIDTH = Math.max(...CHECKS.map((c) => c.length));

const line = (mark: string, check: string, text: string) =>
  `${mark} ${check.padEnd(WIDTH)}  ${text}`;

const findingLine = (f: Finding) =>
  line(
    f.blocking ? MARK.blocking : MARK.warning,
    f.check,
    `${f.subject}: ${f.problem} → ${f.todo}`,
  );

/** One line per finding (what is wrong → what to do), one per check that found nothing, a verdict. */
export const formatReport = (heading: ReportHeading, results: readonly CheckResult[]): string => {
  const where = heading.endpoint ? `, calls to ${heading.endpoint}` : '';
  const lines = [
    `Preflight of the stage ${heading.stage} (region ${heading.region}, domain ${heading.domain}${where})`,
    '',
  ];
  for (const result of results) {
    if (result.findings.length === 0) lines.push(line(MARK.ok, result.check, result.ok));
    else lines.push(...result.findings.map(findingLine));
  }
  const findings = results.flatMap((r) => r.findings);
  const blocking = findings.filter((f) => f.blocking).length;
  const warnings = findings.length - blocking;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    '',
    blocking > 0
      ? `${plural(blocking, 'problem')} to fix before the first order of ${heading.stage}${warnings > 0 ? `, ${plural(warnings, 'warning')}` : ''}.`
      : `Nothing blocks taking orders on ${heading.stage}${warnings > 0 ? ` (${plural(warnings, 'warning')})` : ''}.`,
  );
  return `${lines.join('\n')}\n`;
};
