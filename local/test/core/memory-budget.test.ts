import { setTimeout } from 'node:timers/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { localNames } from '../../src/naming.ts';
import type { Platform } from '../../src/platform.ts';
import { startFixturePlatform } from './fixture-platform.ts';

let platform: Platform;
let lines: string[];

beforeAll(async () => {
  // A budget no process fits in: every worker idle long enough is over it.
  ({ platform, lines } = await startFixturePlatform({
    memory: { budgetMb: 1, minIdleMs: 300, checkEveryMs: 50 },
  }));
});
afterAll(() => platform?.close());

const echo = async () =>
  ((await platform.lambda.call(localNames.function('alpha', 'echo'), {})) as { sandbox: number })
    .sandbox;
const coldStarts = () =>
  lines
    .filter((l) => l.startsWith(`${localNames.function('alpha', 'echo')} | REPORT`))
    .map((l) => l.includes('Init Duration: '));

it('keeps a worker used a moment ago, and stops one left idle while memory is over budget', async () => {
  const first = await echo();
  expect(await echo()).toBe(first);
  await setTimeout(1_000);
  const after = await echo();
  expect(after).not.toBe(first);
  expect(coldStarts()).toEqual([true, false, true]);
});
