import type { LogService } from 'cognito-local/lib/services/LogService.js';

const text = (value: unknown) =>
  value instanceof Error
    ? value.message
    : typeof value === 'string'
      ? value
      : JSON.stringify(value);

/**
 * cognito-local's logger, reduced to its errors: it logs every call at debug and every refused
 * request (a wrong password, a taken username) at warn, which the caller already sees.
 */
export const cognitoLogger = (log: (line: string) => void): LogService => {
  const ignore = () => {};
  const logger = {
    child: () => logger,
    debug: ignore,
    info: ignore,
    warn: ignore,
    error: (...args: unknown[]) => log(`cognito | ${args.map(text).join(' ')}`),
  };
  return logger as unknown as LogService;
};
