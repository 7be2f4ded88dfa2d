import { expect, it } from 'vitest';
import { readableLine } from '../../src/lambda/function-log.ts';

it('shortens a Powertools log line to level, message and its own keys', () => {
  const line = JSON.stringify({
    level: 'INFO',
    message: 'Order created',
    timestamp: '2026-11-25T18:00:00.000Z',
    service: 'orders',
    cold_start: true,
    function_name: 'orders-createOrder',
    function_request_id: 'abc',
    sampling_rate: 0,
    orderId: 'ord_1',
  });
  expect(readableLine(line)).toBe('INFO  Order created {"orderId":"ord_1"}');
});

it('shows an EMF metrics line as name=value pairs', () => {
  const line = JSON.stringify({
    _aws: {
      Timestamp: 1,
      CloudWatchMetrics: [
        {
          Namespace: 'mytabs',
          Dimensions: [['service']],
          Metrics: [{ Name: 'OrdersPlaced', Unit: 'Count' }],
        },
      ],
    },
    service: 'orders',
    OrdersPlaced: 1,
  });
  expect(readableLine(line)).toBe('METRICS OrdersPlaced=1');
});

it('leaves any other line as it is', () => {
  expect(readableLine('plain text')).toBe('plain text');
  expect(readableLine('{"not":"a log"}')).toBe('{"not":"a log"}');
  expect(readableLine('{broken')).toBe('{broken');
});
