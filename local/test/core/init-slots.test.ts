import { expect, it } from 'vitest';
import { InitSlots } from '../../src/lambda/init-slots.ts';

it('gives a freed slot to a waiting invocation before any waiting warm-up', async () => {
  const slots = new InitSlots(1);
  await slots.acquire();
  const served: string[] = [];
  const warmUp = slots.acquire('warm-up').then(() => served.push('warm-up'));
  const invocation = slots.acquire('invocation').then(() => served.push('invocation'));
  slots.release();
  await invocation;
  slots.release();
  await warmUp;
  expect(served).toEqual(['invocation', 'warm-up']);
});
