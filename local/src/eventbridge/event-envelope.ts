import { randomUUID } from 'node:crypto';
import { ACCOUNT, REGION } from '../naming.ts';

/** An event as EventBridge delivers it to targets and to pattern matching. */
export interface EventEnvelope {
  version: '0';
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  /** Whole seconds, `2026-11-25T10:00:00Z`, as AWS writes it. */
  time: string;
  region: string;
  resources: string[];
  detail: Record<string, unknown>;
  /** Set only on events re-delivered by a replay. */
  'replay-name'?: string;
}

export const eventTime = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const envelope = (fields: {
  source: string;
  detailType: string;
  detail: Record<string, unknown>;
  resources?: string[];
  time: Date;
}): EventEnvelope => ({
  version: '0',
  id: randomUUID(),
  'detail-type': fields.detailType,
  source: fields.source,
  account: ACCOUNT,
  time: eventTime(fields.time),
  region: REGION,
  resources: fields.resources ?? [],
  detail: fields.detail,
});
