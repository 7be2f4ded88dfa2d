import { AwsError } from '../edge/aws-service.ts';
import { archiveArn } from './event-arns.ts';
import type { EventEnvelope } from './event-envelope.ts';
import { compileEventPattern, type EventPattern } from './pattern/event-pattern.ts';
import { InvalidEventPatternError } from './pattern/invalid-event-pattern.ts';
import { invalidPattern } from './rule-registry.ts';

export interface ArchiveRecord {
  ArchiveName: string;
  ArchiveArn: string;
  EventSourceArn: string;
  Description?: string;
  EventPattern?: string;
  RetentionDays: number;
  /** Epoch ms. */
  createdAt: number;
}

export interface ArchivedEvent {
  /** Epoch ms when the bus received it: what a replay's time window selects on. */
  receivedAt: number;
  event: EventEnvelope;
}

interface Archive {
  record: ArchiveRecord;
  pattern?: EventPattern;
  events: ArchivedEvent[];
  sizeBytes: number;
}

export interface ArchivePersistence {
  saveArchives(records: ArchiveRecord[]): void;
  appendEvent(archiveName: string, archived: ArchivedEvent): void;
}

const NAME = /^[.\-_A-Za-z0-9]{1,48}$/;

/** Archives of buses: each keeps every event of its source bus that its pattern (if any) matches. */
export class ArchiveStore {
  readonly #archives = new Map<string, Archive>();

  constructor(
    private readonly now: () => number,
    private readonly persistence?: ArchivePersistence,
  ) {}

  #compile(record: ArchiveRecord, events: ArchivedEvent[]): Archive {
    try {
      return {
        record,
        ...(record.EventPattern ? { pattern: compileEventPattern(record.EventPattern) } : {}),
        events,
        sizeBytes: events.reduce((sum, e) => sum + Buffer.byteLength(JSON.stringify(e.event)), 0),
      };
    } catch (error) {
      if (error instanceof InvalidEventPatternError) throw invalidPattern(error);
      throw error;
    }
  }

  load(record: ArchiveRecord, events: ArchivedEvent[]) {
    this.#archives.set(record.ArchiveName, this.#compile(record, events));
  }

  create(
    input: Omit<ArchiveRecord, 'ArchiveArn' | 'createdAt' | 'RetentionDays'> & {
      RetentionDays?: number;
    },
  ) {
    if (!NAME.test(input.ArchiveName)) {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value '${input.ArchiveName}' at 'archiveName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
      );
    }
    if (this.#archives.has(input.ArchiveName)) {
      throw new AwsError(
        'ResourceAlreadyExistsException',
        `Archive ${input.ArchiveName} already exists.`,
      );
    }
    const record: ArchiveRecord = {
      ...input,
      ArchiveArn: archiveArn(input.ArchiveName),
      RetentionDays: input.RetentionDays ?? 0,
      createdAt: this.now(),
    };
    this.#archives.set(record.ArchiveName, this.#compile(record, []));
    this.persistence?.saveArchives(this.list().map((a) => a.record));
    return record;
  }

  get(name: string): Archive {
    const archive = this.#archives.get(name);
    if (!archive)
      throw new AwsError('ResourceNotFoundException', `Archive ${name} does not exist.`);
    return archive;
  }

  byArn(arn: string): Archive {
    const archive = this.list().find((a) => a.record.ArchiveArn === arn);
    if (!archive) {
      throw new AwsError(
        'ResourceNotFoundException',
        `Archive ${arn.split('/').pop()} does not exist.`,
      );
    }
    return archive;
  }

  list(): Archive[] {
    return [...this.#archives.values()].sort((a, b) =>
      a.record.ArchiveName.localeCompare(b.record.ArchiveName),
    );
  }

  /** Keep `event` in every archive of its bus whose pattern matches it. */
  archive(busArn: string, event: EventEnvelope) {
    const receivedAt = this.now();
    for (const archive of this.#archives.values()) {
      if (archive.record.EventSourceArn !== busArn) continue;
      if (
        archive.pattern &&
        !archive.pattern.matches(event as unknown as Record<string, unknown>)
      ) {
        continue;
      }
      const archived = { receivedAt, event };
      archive.events.push(archived);
      archive.sizeBytes += Buffer.byteLength(JSON.stringify(event));
      this.persistence?.appendEvent(archive.record.ArchiveName, archived);
    }
  }
}
