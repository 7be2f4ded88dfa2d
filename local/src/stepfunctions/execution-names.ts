import { AwsError } from '../edge/aws-service.ts';

/**
 * Step Functions' rule for execution names: 1 to 80 characters, none of them white space,
 * brackets `< > { } [ ]`, wildcards `? *`, the characters `" # % \ ^ | ~ ` $ & , ; : /`, or
 * control characters (U+0000-001F, U+007F-009F).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it forbids
const FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

export const checkExecutionName = (name: string) => {
  if (name.length < 1 || name.length > 80 || FORBIDDEN.test(name)) {
    throw new AwsError('InvalidName', `Invalid Name: '${name}'`);
  }
};
