import fc from 'fast-check';

/** Strings that have broken parsers before: object keys, traversal, encodings, sizes, scripts. */
const NASTY_STRINGS = [
  '',
  ' ',
  'constructor',
  '__proto__',
  'toString',
  'hasOwnProperty',
  '..',
  '../../etc/passwd',
  '%2e%2e%2f',
  '%00',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '😀',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e309',
  '[]',
  '{}',
  '{"$ne":null}',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log4shell probe, meant literally.
  '${jndi:ldap://x}',
  'a'.repeat(300),
  'ev_',
  'ord_x',
  'tt_0000',
  'biz_0000',
];

export const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ minLength: 1000, maxLength: 5000 }) },
);

export const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, 0.5, 1e-9),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Any JSON value, a little deep: what a broken or hostile client sends where an object goes. */
export const anyJson = fc.jsonValue({ maxDepth: 4 });
