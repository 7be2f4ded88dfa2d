import { refuse } from './invalid-event-pattern.ts';

/** EventBridge compares numbers only within this range (its documented limit). */
const LIMIT = 5e9;

const operand = (operator: string, value: unknown): number => {
  if (typeof value !== 'number') return refuse(`Value of ${operator} must be numeric`);
  if (value < -LIMIT || value > LIMIT) {
    return refuse(`Value of ${operator} must be between -5.0E9 and 5.0E9 inclusive`);
  }
  return value;
};

/**
 * The operand of `numeric`: `["=", n]`, `[">"|">=", n]`, `["<"|"<=", n]`, or a lower bound
 * followed by an upper bound (`[">", 0, "<=", 5]`), as AWS accepts them.
 */
export const compileNumeric = (expression: unknown): ((value: number) => boolean) => {
  if (!Array.isArray(expression)) return refuse('Value of numeric must be an array.');
  const [operator, first, upperOperator, second, ...rest] = expression as unknown[];
  if (typeof operator !== 'string')
    return refuse(`Invalid member in numeric match: ${String(operator)}`);
  const tooMany = () => refuse('Too many elements in numeric expression');
  switch (operator) {
    case '=': {
      const n = operand(operator, first);
      if (expression.length > 2) tooMany();
      return (v) => v === n;
    }
    case '<':
    case '<=': {
      const top = operand(operator, first);
      if (expression.length > 2) tooMany();
      return operator === '<' ? (v) => v < top : (v) => v <= top;
    }
    case '>':
    case '>=': {
      const bottom = operand(operator, first);
      const above = operator === '>' ? (v: number) => v > bottom : (v: number) => v >= bottom;
      if (expression.length === 2) return above;
      if (typeof upperOperator !== 'string') {
        return refuse(`Bad value in numeric range: ${String(upperOperator)}`);
      }
      if (upperOperator !== '<' && upperOperator !== '<=') {
        return refuse(`Bad numeric range operator: ${upperOperator}`);
      }
      const top = operand(upperOperator, second);
      if (rest.length > 0) refuse('Too many terms in numeric range expression');
      if (bottom >= top) refuse('Bottom must be less than top');
      return upperOperator === '<' ? (v) => above(v) && v < top : (v) => above(v) && v <= top;
    }
    default:
      return refuse(`Unrecognized numeric range operator: ${operator}`);
  }
};
