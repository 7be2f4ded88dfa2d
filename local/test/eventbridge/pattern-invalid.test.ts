import { describe, expect, it } from 'vitest';
import { compileEventPattern } from '../../src/eventbridge/pattern/event-pattern.ts';
import { InvalidEventPatternError } from '../../src/eventbridge/pattern/invalid-event-pattern.ts';

/** Patterns AWS refuses, each with (part of) the reason it gives. */
const invalid: [what: string, pattern: string, reason: RegExp][] = [
  ['not JSON', '{"source": [', /Unrecognized token/],
  ['not an object', '["aws.ec2"]', /Filter is not an object/],
  ['an empty pattern', '{}', /Empty objects are not allowed/],
  ['an empty nested object', '{"detail": {}}', /Empty objects are not allowed/],
  [
    'a leaf that is not an array',
    '{"source": "aws.ec2"}',
    /"source" must be an object or an array/,
  ],
  ['a number leaf', '{"detail": {"n": 5}}', /"n" must be an object or an array/],
  ['an empty value list', '{"source": []}', /Empty arrays are not allowed/],
  ['an array inside a value list', '{"source": [["aws.ec2"]]}', /Match value must be String/],
  ['an unknown operator', '{"source": [{"contains": "ec2"}]}', /Unrecognized match type contains/],
  ['two operators in one object', '{"source": [{"prefix": "a", "suffix": "b"}]}', /Only one key/],
  ['an empty operator object', '{"source": [{}]}', /Match expression name not found/],
  ['prefix with a number', '{"source": [{"prefix": 5}]}', /prefix match pattern must be a string/],
  [
    'suffix with a list',
    '{"source": [{"suffix": ["a"]}]}',
    /suffix match pattern must be a string/,
  ],
  [
    'prefix with an unknown nested operator',
    '{"source": [{"prefix": {"wildcard": "a*"}}]}',
    /Unsupported match pattern/,
  ],
  [
    'equals-ignore-case with a number',
    '{"source": [{"equals-ignore-case": 5}]}',
    /equals-ignore-case match pattern must be a string/,
  ],
  [
    'exists with a string',
    '{"a": [{"exists": "true"}]}',
    /exists match pattern must be either true or false/,
  ],
  ['numeric not an array', '{"a": [{"numeric": ">"}]}', /Value of numeric must be an array/],
  [
    'numeric with a string operand',
    '{"a": [{"numeric": [">", "5"]}]}',
    /Value of > must be numeric/,
  ],
  [
    'numeric with an unknown operator',
    '{"a": [{"numeric": ["!=", 5]}]}',
    /Unrecognized numeric range operator: !=/,
  ],
  [
    'numeric with a number first',
    '{"a": [{"numeric": [5, "<"]}]}',
    /Invalid member in numeric match/,
  ],
  ['numeric = with extra terms', '{"a": [{"numeric": ["=", 5, "<", 6]}]}', /Too many elements/],
  ['numeric < followed by >', '{"a": [{"numeric": ["<", 5, ">", 0]}]}', /Too many elements/],
  [
    'numeric two lower bounds',
    '{"a": [{"numeric": [">", 0, ">", 5]}]}',
    /Bad numeric range operator: >/,
  ],
  [
    'numeric bottom above top',
    '{"a": [{"numeric": [">", 10, "<", 5]}]}',
    /Bottom must be less than top/,
  ],
  ['numeric out of range', '{"a": [{"numeric": [">", 6e9]}]}', /between -5.0E9 and 5.0E9/],
  [
    'numeric with too many terms',
    '{"a": [{"numeric": [">", 0, "<", 5, "<", 6]}]}',
    /Too many terms/,
  ],
  [
    'anything-but with a boolean',
    '{"a": [{"anything-but": true}]}',
    /must be an array or single string\/number value/,
  ],
  [
    'anything-but with a mixed list',
    '{"a": [{"anything-but": ["a", 1]}]}',
    /mixed type is not supported/,
  ],
  [
    'anything-but with an empty list',
    '{"a": [{"anything-but": []}]}',
    /mixed type is not supported/,
  ],
  [
    'anything-but with an unsupported operator',
    '{"a": [{"anything-but": {"numeric": [">", 1]}}]}',
    /Unsupported anything-but pattern: numeric/,
  ],
  [
    'anything-but with an empty prefix',
    '{"a": [{"anything-but": {"prefix": ""}}]}',
    /Null prefix\/suffix not allowed/,
  ],
  [
    'anything-but prefix with a number',
    '{"a": [{"anything-but": {"prefix": 5}}]}',
    /prefix\/suffix match pattern must be a string/,
  ],
  [
    'anything-but equals-ignore-case with numbers',
    '{"a": [{"anything-but": {"equals-ignore-case": [1, 2]}}]}',
    /only strings are supported/,
  ],
  [
    'wildcard with consecutive stars',
    '{"a": [{"wildcard": "a**b"}]}',
    /Consecutive wildcard characters at pos 2/,
  ],
  [
    'wildcard with an invalid escape',
    '{"a": [{"wildcard": "a\\\\nb"}]}',
    /Invalid escape character at pos 1/,
  ],
  ['wildcard ending in a backslash', '{"a": [{"wildcard": "ab\\\\"}]}', /Invalid escape character/],
  ['wildcard with a number', '{"a": [{"wildcard": 5}]}', /wildcard match pattern must be a string/],
  [
    'anything-but wildcard with consecutive stars',
    '{"a": [{"anything-but": {"wildcard": "**"}}]}',
    /Consecutive wildcard/,
  ],
  ['cidr without a prefix length', '{"ip": [{"cidr": "10.0.0.1"}]}', /Malformed CIDR/],
  ['cidr that is not an address', '{"ip": [{"cidr": "ten/8"}]}', /Malformed CIDR/],
  ['cidr with too long a prefix', '{"ip": [{"cidr": "10.0.0.0/33"}]}', /Malformed CIDR/],
  ['$or that is not an array', '{"$or": {"a": ["b"]}}', /It must be an Array followed with \$or/],
  ['$or with one branch', '{"$or": [{"a": ["b"]}]}', /at least 2 Objects in \$or/],
  ['$or with a non-object branch', '{"$or": [{"a": ["b"]}, "c"]}', /Only JSON object is allowed/],
  [
    '$or with an operator name as a field',
    '{"$or": [{"prefix": ["b"]}, {"a": ["c"]}]}',
    /prefix is Ruler reserved fieldName/,
  ],
];

describe('invalid event patterns are refused with the reason AWS gives', () => {
  it.each(invalid)('%s', (_what, pattern, reason) => {
    let caught: unknown;
    try {
      compileEventPattern(pattern);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InvalidEventPatternError);
    expect((caught as Error).message).toMatch(/^Event pattern is not valid\. Reason: /);
    expect((caught as InvalidEventPatternError).reason).toMatch(reason);
  });

  it('accepts every operator in one pattern', () => {
    const pattern = {
      time: [{ prefix: '2017-10-02' }],
      detail: {
        state: [{ 'anything-but': 'initializing' }],
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'x-limit': [{ 'anything-but': [100, 200, 300] }],
        'source-ip': [{ cidr: '10.0.0.0/8' }],
        name: [
          { wildcard: 'a*b\\*c\\\\' },
          { suffix: { 'equals-ignore-case': 'X' } },
          null,
          true,
          '',
        ],
        gone: [{ exists: false }],
      },
    };
    expect(() => compileEventPattern(JSON.stringify(pattern))).not.toThrow();
  });
});
