import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { EventMetadata } from './metadata.ts';
import { unknownKeys } from './unknown-keys.ts';

export interface EventContractSpec<Data extends z.ZodObject> {
  /** `mytabs.<service>` of the producing service. */
  source: `mytabs.${string}`;
  detailType: string;
  /** Bumped on every incompatible change of `data`; checked against the committed JSON Schema. */
  version: number;
  description: string;
  data: Data;
  examples: [z.input<Data>, ...z.input<Data>[]];
}

export interface BuildOptions {
  idempotencyKey: string;
  correlationId: string;
  occurredAt?: Date;
  eventId?: string;
}

/** What `PutEvents` needs for one entry (the bus name is the publisher's to add). */
export interface EventEntry {
  Source: string;
  DetailType: string;
  Detail: string;
}

export class EventContractError extends Error {
  override name = 'EventContractError';
  constructor(
    readonly detailType: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`${detailType}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

const joinPath = (path: readonly PropertyKey[]) => path.map(String).join('.');

/**
 * One object per domain event: from it come the TypeScript type, the producer's strict builder,
 * the consumer's tolerant parser, the EventBridge pattern (native and CDK) and the JSON Schema.
 */
export const defineEvent = <Data extends z.ZodObject>(spec: EventContractSpec<Data>) => {
  const detail = z.object({
    metadata: EventMetadata.extend({ version: z.literal(spec.version) }),
    data: spec.data,
  });
  type Detail = z.infer<typeof detail>;

  const fail = (error: z.ZodError): never => {
    throw new EventContractError(
      spec.detailType,
      error.issues.map((i) => ({ path: joinPath(i.path), message: i.message })),
    );
  };

  return {
    source: spec.source,
    detailType: spec.detailType,
    version: spec.version,
    description: spec.description,
    data: spec.data,
    detail,
    examples: spec.examples,

    /** Producers are strict: an unknown field anywhere is refused rather than sent. */
    build(data: z.input<Data>, options: BuildOptions): EventEntry & { detail: Detail } {
      const candidate = {
        metadata: {
          eventId: options.eventId ?? randomUUID(),
          version: spec.version,
          occurredAt: (options.occurredAt ?? new Date()).toISOString(),
          correlationId: options.correlationId,
          idempotencyKey: options.idempotencyKey,
        },
        data,
      };
      const parsed = detail.safeParse(candidate);
      if (!parsed.success) fail(parsed.error);
      const value = parsed.data as Detail;
      const extra = unknownKeys(candidate, value);
      if (extra.length > 0) {
        throw new EventContractError(
          spec.detailType,
          extra.map((p) => ({ path: joinPath(p), message: 'unknown field' })),
        );
      }
      return {
        Source: spec.source,
        DetailType: spec.detailType,
        Detail: JSON.stringify(value),
        detail: value,
      };
    },

    /** Consumers are tolerant: unknown fields are dropped, a missing or mistyped one is refused. */
    parse(input: unknown): Detail {
      const parsed = detail.safeParse(input);
      if (!parsed.success) fail(parsed.error);
      return parsed.data as Detail;
    },

    /**
     * The EventBridge rule pattern that selects this event, as the API and the CLI take it. It
     * names the version, so a consumer of version 1 never receives a version 2 it cannot parse.
     */
    pattern: {
      source: [spec.source],
      'detail-type': [spec.detailType],
      detail: { metadata: { version: [spec.version] } },
    },

    /** The same pattern in the CDK's `events.EventPattern` spelling. */
    cdkPattern: {
      source: [spec.source],
      detailType: [spec.detailType],
      detail: { metadata: { version: [spec.version] } },
    },

    /**
     * JSON Schema draft-04 of `detail`: what EventBridge's schema registry accepts. It describes
     * what a consumer accepts (the tolerant parser: objects stay open to unknown fields), so a new
     * optional field is a compatible change for anyone validating with it.
     */
    jsonSchema(): Record<string, unknown> {
      return {
        ...z.toJSONSchema(detail, { target: 'draft-4', io: 'input' }),
        title: spec.detailType,
        description: spec.description,
        'x-source': spec.source,
        'x-version': spec.version,
      };
    },
  };
};

export type EventContract = ReturnType<typeof defineEvent>;
export type DetailOf<C extends { detail: z.ZodType }> = z.infer<C['detail']>;
