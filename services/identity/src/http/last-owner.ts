import { HttpProblem } from '@mytabs/lambda-kit';

/** The refusal of a change that would leave a business without an owner. */
export const lastOwner = () =>
  new HttpProblem(409, 'A business keeps at least one owner: make another member owner first.', {
    code: 'last-owner',
  });
