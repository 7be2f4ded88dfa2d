/** A page's LastEvaluatedKey handed to clients as an opaque cursor, and back. */
export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
}

export const encodeCursor = (key: Record<string, unknown>) =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export const decodeCursor = (cursor: string) => {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (typeof key === 'object' && key !== null) return key as Record<string, unknown>;
  } catch {}
  throw new InvalidCursorError('not a cursor this API gave out');
};
