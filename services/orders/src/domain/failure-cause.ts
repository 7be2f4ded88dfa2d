/** Longest cause kept on the order and in OrderFailed: a reason for people, not a stack trace. */
const MAX_CAUSE = 500;

/**
 * A Catch's `Cause` for a failed Lambda task is the function's error payload as JSON
 * (`{"errorType","errorMessage","trace"}`): keep its message only. Any other cause is kept as is.
 */
export const failureCause = (cause: string | undefined): string | undefined => {
  if (!cause) return undefined;
  let text = cause;
  try {
    const parsed = JSON.parse(cause) as { errorMessage?: unknown };
    if (typeof parsed?.errorMessage === 'string' && parsed.errorMessage) text = parsed.errorMessage;
  } catch {
    // Not JSON: a plain cause, kept as written.
  }
  return text.length > MAX_CAUSE ? `${text.slice(0, MAX_CAUSE - 1)}…` : text;
};
