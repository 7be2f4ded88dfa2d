import { expect, it } from 'vitest';
import { lambdaUsage } from '../../src/bench/usage-counts.ts';
import { requestUnits } from '../../src/dynamodb/request-units.ts';

it('reads invocations and billed GB-seconds from REPORT lines, init included', () => {
  const lines = [
    'mytabs-local-orders-markPaid | REPORT RequestId: r1 Duration: 10.2 ms',
    'mytabs-local-orders-markPaid | REPORT RequestId: r2 Duration: 99.0 ms Init Duration: 200.4 ms',
    'mytabs-local-payments-calculateTax | REPORT RequestId: r3 Duration: 1000.0 ms',
    'mytabs-local-orders-markPaid | {"level":"INFO","message":"Duration: 5 ms"}',
  ];
  const memory = new Map([
    ['mytabs-local-orders-markPaid', 1024],
    ['mytabs-local-payments-calculateTax', 512],
  ]);
  const used = lambdaUsage(lines, memory);
  expect(used.invocations).toBe(3);
  // 1 GB × (11 + 99 + 201) ms + 0.5 GB × 1000 ms, rounded up to whole milliseconds.
  expect(used.gbSeconds).toBeCloseTo(0.311 + 0.5, 10);
  expect(used.byFunction.get('mytabs-local-orders-markPaid')).toBe(2);
});

it('estimates request units as DynamoDB bills them: reads per 4 KB, writes per 1 KB', () => {
  const kb = (n: number) => 'x'.repeat(n * 1024);
  expect(requestUnits('GetItem', '{"ConsistentRead":true}', kb(5))).toEqual({
    reads: 2,
    writes: 0,
  });
  expect(requestUnits('Query', '{}', kb(1))).toEqual({ reads: 0.5, writes: 0 });
  expect(requestUnits('PutItem', `{"Item":"${kb(2)}"}`, '{}')).toEqual({ reads: 0, writes: 3 });
  expect(requestUnits('DescribeTable', '{}', kb(9))).toEqual({ reads: 0, writes: 0 });
});
