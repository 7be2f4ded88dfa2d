const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * How deeply a JSON text nests objects and arrays, read without parsing (so without recursion:
 * a body of any depth is measured in one pass).
 */
export const jsonNestingDepth = (json: Buffer) => {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      depth--;
    }
  }
  return deepest;
};

/**
 * DynamoDB stores documents nested up to 32 levels. In the JSON wire format each level of an
 * attribute value is an object and a list or map (`{"L":[...]}`), inside a request envelope of a
 * few levels more; past this a request cannot be valid, and dynalite would recurse through it
 * until the stack overflows.
 */
export const MAX_REQUEST_NESTING = 2 * 32 + 8;
