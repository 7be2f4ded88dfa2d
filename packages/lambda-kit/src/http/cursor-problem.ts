import { InvalidCursorError } from '../page-cursor.ts';
import { HttpProblem } from './http-result.ts';

/** A page read's error as the API answers it: a cursor we never gave out is the client's 400. */
export const cursorProblem = (error: unknown): never => {
  if (error instanceof InvalidCursorError) {
    throw new HttpProblem(400, 'The cursor is not one this API gave out.', {
      errors: [{ path: 'query.cursor', message: error.message }],
    });
  }
  throw error;
};
