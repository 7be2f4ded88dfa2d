/**
 * A pattern EventBridge would refuse. `reason` reads like the reason AWS gives after
 * "Event pattern is not valid. Reason: ", so the service can answer in AWS's words.
 */
export class InvalidEventPatternError extends Error {
  override name = 'InvalidEventPatternError';
  constructor(readonly reason: string) {
    super(`Event pattern is not valid. Reason: ${reason}`);
  }
}

export const refuse = (reason: string): never => {
  throw new InvalidEventPatternError(reason);
};
