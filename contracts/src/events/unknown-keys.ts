/**
 * Paths of keys present in `input` but absent from `parsed`: zod strips unknown keys, so comparing
 * a value with its parse result finds them at any depth. This is how one (tolerant) schema also
 * serves as the strict check that producers need.
 */
export const unknownKeys = (input: unknown, parsed: unknown, path: (string | number)[] = []) => {
  const found: (string | number)[][] = [];
  if (Array.isArray(input) && Array.isArray(parsed)) {
    input.forEach((item, i) => {
      found.push(...unknownKeys(item, parsed[i], [...path, i]));
    });
  } else if (isRecord(input) && isRecord(parsed)) {
    for (const [key, value] of Object.entries(input)) {
      if (!(key in parsed)) found.push([...path, key]);
      else found.push(...unknownKeys(value, parsed[key], [...path, key]));
    }
  }
  return found;
};

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
