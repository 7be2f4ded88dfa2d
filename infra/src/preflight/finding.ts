/** The parts of a stage the preflight looks at, in the order it reports them. */
export const CHECKS = ['secrets', 'ses', 'hosted-zone', 'certificate'] as const;
export type CheckName = (typeof CHECKS)[number];

/** One thing that is not ready: what is wrong with what, and what to do about it. */
export interface Finding {
  check: CheckName;
  /** What it is about: a secret's name, the domain, the SES account. */
  subject: string;
  problem: string;
  todo: string;
  /**
   * False for what degrades a stage without stopping its orders (mail sent without DKIM): it is
   * reported, but the exit code stays 0, so a pipeline gating on it is not held up by it.
   */
  blocking: boolean;
}

export interface CheckResult {
  check: CheckName;
  /** What the check found in order, printed when it has no findings. */
  ok: string;
  findings: Finding[];
}

/** A read that failed for another reason than "there is none" (access, network, throttling). */
export interface CouldNotCheck {
  couldNotCheck: string;
}

/** An SDK answer, `undefined` when the service says there is none, or why there is no answer. */
export type Answer<T> = T | undefined | CouldNotCheck;

export const isCouldNotCheck = (answer: unknown): answer is CouldNotCheck =>
  typeof answer === 'object' && answer !== null && 'couldNotCheck' in answer;

/** What to do about a failed read, by what its error says. */
const CAUSES: ReadonlyArray<{ cause: RegExp; todo: string }> = [
  {
    cause:
      /CredentialsProviderError|Could not load credentials|ExpiredToken|InvalidClientTokenId|UnrecognizedClient|security token/i,
    todo: "sign in to the stage's account (AWS_PROFILE, aws sso login, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY) and run the preflight again",
  },
  {
    cause: /AccessDenied|not authorized|UnauthorizedOperation/i,
    todo: 'allow these credentials the read the error names and run the preflight again',
  },
  {
    cause: /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|TimeoutError|socket hang up/i,
    todo: 'check the network (and AWS_ENDPOINT_URL, if set) and run the preflight again',
  },
];

/** A read that could not be made is not a pass: nothing says the stage is ready. */
export const couldNotCheckFinding = (
  check: CheckName,
  subject: string,
  { couldNotCheck }: CouldNotCheck,
): Finding => ({
  check,
  subject,
  problem: `could not check: ${couldNotCheck}`,
  todo:
    CAUSES.find((c) => c.cause.test(couldNotCheck))?.todo ??
    'fix what the error says and run the preflight again',
  blocking: true,
});

const MAX_WHY = 300;

/**
 * Node's connection errors may be an AggregateError with an empty message (one error per
 * address tried), hence the look at `errors` and `code`.
 */
const describeError = (error: unknown): string => {
  if (!(error instanceof Error)) return String(error);
  const inner = error instanceof AggregateError ? error.errors.map(describeError).join('; ') : '';
  const code = (error as { code?: unknown }).code;
  const message = error.message || inner || (typeof code === 'string' ? code : '');
  return error.name && error.name !== 'Error' ? `${error.name}: ${message}` : message;
};

/** Why a call failed, as one line short enough for a report. */
export const whyItFailed = (error: unknown): string => {
  const line =
    describeError(error)
      // The SDK's advice to a program, not to whoever reads the report.
      .replace(/\s*Deserialization error: to see the raw response.*$/s, '')
      .replace(/\s+/g, ' ')
      .trim() || 'unknown error';
  return line.length > MAX_WHY ? `${line.slice(0, MAX_WHY)}…` : line;
};

/**
 * Makes one read-only call. The error names in `none` are the service's way of saying the thing
 * does not exist, which is an answer, not a failure.
 */
export const ask = async <T>(
  call: () => Promise<T>,
  none: readonly string[] = [],
): Promise<Answer<T>> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Error && none.includes(error.name)) return undefined;
    return { couldNotCheck: whyItFailed(error) };
  }
};
