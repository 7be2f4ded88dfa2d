import type { MyTabsConfig } from './config.ts';

/**
 * Physical names derived from the manifests. Functions and state machines get predictable names
 * so that one service can name another's function (env vars, IAM grants, workflow substitutions)
 * without a CloudFormation reference between their stacks, which would make mutual callers a cycle.
 */

export const BUS_NAME = 'mytabs';

const pascal = (name: string) =>
  name.replace(/(^|[-_.])([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());

export const stackName = (config: MyTabsConfig, part: string) =>
  `MyTabs-${pascal(config.stage)}-${pascal(part)}`;

const checked = (name: string, max: number, what: string) => {
  if (name.length > max) throw new Error(`${what} name ${name} is longer than ${max} characters`);
  return name;
};

/** `mytabs-prod-ticketing-holdSeats` for `ticketing.holdSeats`. */
export const functionName = (config: MyTabsConfig, service: string, fn: string) =>
  checked(`mytabs-${config.stage}-${service}-${fn}`, 64, 'Lambda function');

export const stateMachineName = (config: MyTabsConfig, service: string, workflow: string) =>
  checked(`mytabs-${config.stage}-${service}-${workflow}`, 80, 'State machine');

/** Secrets are per service: two services naming the same secret get two, each granted apart. */
export const secretName = (config: MyTabsConfig, service: string, secret: string) =>
  `mytabs/${config.stage}/${service}/${secret}`;

/** `ticketing.holdSeats` -> its parts. */
export const splitRef = (ref: string): [service: string, fn: string] => {
  const [service = '', fn = ''] = ref.split('.');
  return [service, fn];
};
