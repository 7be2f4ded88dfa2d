import { afterAll, beforeAll, expect, it } from 'vitest';
import { localNames } from '../../src/naming.ts';
import type { Platform } from '../../src/platform.ts';
import { startFixturePlatform } from './fixture-platform.ts';

/** Both fixture functions take 1.5 s to import their handler. */
const SLOW_INIT_MS = 1_500;

let platform: Platform;
beforeAll(async () => {
  ({ platform } = await startFixturePlatform({ coldStartsAtOnce: 1 }));
}, 60_000);
afterAll(() => platform?.close());

it('starts one worker at a time with coldStartsAtOnce 1: the second cold start waits for the first', async () => {
  const started = performance.now();
  const answers = await Promise.all(
    ['slowInit', 'warmable'].map((key) =>
      platform.lambda.call(localNames.function('alpha', key), {}),
    ),
  );
  expect(answers).toEqual([{ warm: true }, { warm: true }]);
  expect(performance.now() - started).toBeGreaterThanOrEqual(2 * SLOW_INIT_MS - 50);
});
