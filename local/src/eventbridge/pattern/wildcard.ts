import { refuse } from './invalid-event-pattern.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A wildcard value as EventBridge reads it: `*` matches any run of characters (none included),
 * `\*` a literal asterisk and `\\` a literal backslash. Two wildcards in a row and any other
 * escape are refused, as AWS refuses them.
 */
export const compileWildcard = (pattern: string): RegExp => {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '*') {
      if (pattern[i + 1] === '*') refuse(`Consecutive wildcard characters at pos ${i + 1}`);
      source += '.*';
    } else if (char === '\\') {
      const next = pattern[i + 1];
      if (next !== '*' && next !== '\\') refuse(`Invalid escape character at pos ${i}`);
      source += escapeRegExp(next as string);
      i++;
    } else {
      source += escapeRegExp(char);
    }
  }
  return new RegExp(`^${source}$`, 's');
};
