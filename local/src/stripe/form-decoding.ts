/** A decoded Stripe parameter: form values are always strings, nested by bracket notation. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/** `line_items[0][amount]` → `['line_items', '0', 'amount']`; `expand[]` → `['expand', '']`. */
const splitKey = (key: string): string[] | undefined => {
  const open = key.indexOf('[');
  if (open < 0) return [key];
  const parts = [key.slice(0, open)];
  const rest = key.slice(open);
  const segment = /\[([^[\]]*)\]/y;
  let match = segment.exec(rest);
  let consumed = 0;
  while (match) {
    parts.push(match[1] ?? '');
    consumed = segment.lastIndex;
    match = segment.exec(rest);
  }
  return consumed === rest.length && parts[0] !== '' ? parts : undefined;
};

const isIndex = (part: string) => /^\d+$/.test(part);

/**
 * The client names every key (`metadata[__proto__][x]` is a key like any other), so decoded
 * objects have no prototype to reach through.
 */
const emptyObject = (): FormObject => Object.create(null);

/**
 * Objects whose keys are all array indices (`a[0]`, `a[1]`) or pushes (`a[]`) become arrays, in
 * index order, as Stripe reads both spellings of a list.
 */
const toArrays = (value: FormValue): FormValue => {
  if (typeof value === 'string' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const converted = emptyObject();
  for (const key of keys) converted[key] = toArrays(value[key] as FormValue);
  if (keys.length > 0 && keys.every((key) => isIndex(key) || key.startsWith('\u0000push'))) {
    return keys.sort((a, b) => order(a) - order(b)).map((key) => converted[key] as FormValue);
  }
  return converted;
};

const order = (key: string) =>
  isIndex(key) ? Number(key) : 1e12 + Number(key.slice('\u0000push'.length));

export class FormDecodingError extends Error {
  constructor(readonly key: string) {
    super(`Invalid parameter name: ${key}`);
  }
}

/**
 * Decodes an `application/x-www-form-urlencoded` body (or query string) as Stripe reads it:
 * `metadata[orderId]=x`, `line_items[0][amount]=100`, `expand[]=latest_charge`. A key given as
 * both a value and an object is refused, as Stripe refuses it.
 */
export const decodeForm = (encoded: string): FormObject => {
  const root = emptyObject();
  let pushes = 0;
  for (const [key, value] of new URLSearchParams(encoded)) {
    const parts = splitKey(key);
    if (!parts) throw new FormDecodingError(key);
    let node: FormObject = root;
    parts.forEach((rawPart, i) => {
      const part = rawPart === '' && i > 0 ? `\u0000push${pushes++}` : rawPart;
      const last = i === parts.length - 1;
      const existing = node[part];
      if (last) {
        if (existing !== undefined && typeof existing !== 'string')
          throw new FormDecodingError(key);
        node[part] = value;
        return;
      }
      if (existing === undefined) node[part] = emptyObject();
      else if (typeof existing === 'string') throw new FormDecodingError(key);
      node = node[part] as FormObject;
    });
  }
  return toArrays(root) as FormObject;
};
