import * as z from 'zod';

/** A page's LastEvaluatedKey handed to clients as an opaque cursor, and back. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

/** Far more than any key of ours encodes to; a longer cursor is not one we gave out. */
const MAX_CURSOR_LENGTH = 2048;

/** One key attribute of a cursor: our keys are short strings. */
export const cursorKeyPart = z.string().min(1).max(512);

export const encodeCursor = (key: Record<string, unknown>) =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/**
 * The key a cursor names, if it has exactly the shape of the keys this query hands out: a
 * client's cursor never reaches DynamoDB as anything else (nothing deep, large or off the query).
 */
export const decodeCursor = <S extends z.ZodType<Record<string, string | number>>>(
  cursor: string,
  keyShape: S,
): z.output<S> => {
  if (cursor.length <= MAX_CURSOR_LENGTH) {
    try {
      const key = keyShape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
      if (key.success) return key.data;
    } catch {}
  }
  throw new InvalidCursorError('not a cursor this API gave out');
};
