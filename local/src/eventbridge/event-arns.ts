import { ACCOUNT, REGION } from '../naming.ts';

const prefix = `arn:aws:events:${REGION}:${ACCOUNT}`;

export const busArn = (bus: string) => `${prefix}:event-bus/${bus}`;
/** Rules of the default bus have no bus segment in their ARN, as on AWS. */
export const ruleArn = (bus: string, rule: string) =>
  bus === 'default' ? `${prefix}:rule/${rule}` : `${prefix}:rule/${bus}/${rule}`;
export const archiveArn = (archive: string) => `${prefix}:archive/${archive}`;
export const replayArn = (replay: string) => `${prefix}:replay/${replay}`;

/** A bus named by name or ARN, as `EventBusName` accepts both. */
export const busNameOf = (nameOrArn: string | undefined) =>
  nameOrArn === undefined
    ? 'default'
    : nameOrArn.replace(/^arn:aws:events:[^:]*:[^:]*:event-bus\//, '');
