/** Time as the EventBridge emulator sees it: injectable, so schedules can be tested without waiting. */
export interface Clock {
  now(): number;
  /** Calls `callback` once after `ms`; the handle cancels it. */
  setTimer(callback: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(callback, ms) {
    // Never keeps the process alive by itself: the servers do that.
    const timer = setTimeout(callback, ms).unref();
    return { cancel: () => clearTimeout(timer) };
  },
};
