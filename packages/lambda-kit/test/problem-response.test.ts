import { expect, it } from 'vitest';
import { problemResponse } from '../src/http/problem-response.ts';

it('keeps the numeric status and the detail whatever extension members a problem carries', () => {
  const answer = problemResponse(409, 'Only an unpaid order can be canceled.', {
    status: 200,
    detail: 'replaced',
    orderStatus: 'CANCELED',
  });
  expect(answer.statusCode).toBe(409);
  expect(JSON.parse(answer.body)).toEqual({
    type: 'about:blank',
    title: 'Conflict',
    status: 409,
    detail: 'Only an unpaid order can be canceled.',
    orderStatus: 'CANCELED',
  });
});
