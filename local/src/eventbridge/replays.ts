import { setImmediate as nextTurn } from 'node:timers/promises';
import { AwsError } from '../edge/aws-service.ts';
import type { ArchiveStore } from './archive-store.ts';
import { busNameOf, replayArn } from './event-arns.ts';
import type { EventEnvelope } from './event-envelope.ts';

export type ReplayState =
  | 'STARTING'
  | 'RUNNING'
  | 'CANCELLING'
  | 'COMPLETED'
  | 'CANCELLED'
  | 'FAILED';

export interface ReplayRecord {
  ReplayName: string;
  ReplayArn: string;
  Description?: string;
  EventSourceArn: string;
  Destination: { Arn: string; FilterArns?: string[] };
  /** Epoch ms, like the other times here; the API turns them into AWS timestamps. */
  EventStartTime: number;
  EventEndTime: number;
  State: ReplayState;
  StateReason?: string;
  ReplayStartTime: number;
  ReplayEndTime?: number;
  EventLastReplayedTime?: number;
}

export interface StartReplayRequest {
  ReplayName: string;
  Description?: string;
  EventSourceArn: string;
  Destination: { Arn: string; FilterArns?: string[] };
  EventStartTime: number;
  EventEndTime: number;
}

/** Re-sends one archived event to the destination bus's rules (not to its archive). */
export type Redeliver = (busName: string, event: EventEnvelope, onlyRuleArns?: string[]) => void;

const BATCH = 100;
const NAME = /^[.\-_A-Za-z0-9]{1,64}$/;

/**
 * Replays of archives: the archived events received within the window are re-delivered, each with
 * `replay-name` set, to the destination bus's rules (or the ones in `FilterArns`), in batches that
 * a CancelReplay can stop between.
 */
export class Replays {
  readonly #replays = new Map<string, ReplayRecord>();
  readonly #running = new Set<Promise<void>>();

  constructor(
    private readonly archives: ArchiveStore,
    private readonly redeliver: Redeliver,
    private readonly now: () => number,
  ) {}

  start(request: StartReplayRequest): ReplayRecord {
    if (!NAME.test(request.ReplayName)) {
      throw new AwsError(
        'ValidationException',
        `1 validation error detected: Value '${request.ReplayName}' at 'replayName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_A-Za-z0-9]+`,
      );
    }
    if (this.#replays.has(request.ReplayName)) {
      throw new AwsError(
        'ResourceAlreadyExistsException',
        `Replay ${request.ReplayName} already exists.`,
      );
    }
    const archive = this.archives.byArn(request.EventSourceArn);
    if (request.Destination.Arn !== archive.record.EventSourceArn) {
      throw new AwsError(
        'ValidationException',
        'Parameter Destination.Arn is not valid. Reason: Cross event bus replay is not permitted.',
      );
    }
    if (request.EventStartTime >= request.EventEndTime) {
      throw new AwsError(
        'ValidationException',
        'Parameter EventStartTime is not valid. Reason: EventStartTime must be before EventEndTime.',
      );
    }
    const replay: ReplayRecord = {
      ...request,
      ReplayArn: replayArn(request.ReplayName),
      State: 'STARTING',
      ReplayStartTime: this.now(),
    };
    this.#replays.set(replay.ReplayName, replay);
    const run = this.#run(replay);
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run));
    return { ...replay };
  }

  describe(name: string): ReplayRecord {
    const replay = this.#replays.get(name);
    if (!replay) throw new AwsError('ResourceNotFoundException', `Replay ${name} does not exist.`);
    return { ...replay };
  }

  list(): ReplayRecord[] {
    return [...this.#replays.values()]
      .sort((a, b) => a.ReplayName.localeCompare(b.ReplayName))
      .map((r) => ({ ...r }));
  }

  cancel(name: string): ReplayRecord {
    const replay = this.#replays.get(name);
    if (!replay) throw new AwsError('ResourceNotFoundException', `Replay ${name} does not exist.`);
    if (replay.State !== 'STARTING' && replay.State !== 'RUNNING') {
      throw new AwsError(
        'IllegalStatusException',
        `Replay ${name} is not in a state that can be cancelled.`,
      );
    }
    replay.State = 'CANCELLING';
    return { ...replay };
  }

  async close() {
    for (const replay of this.#replays.values()) {
      if (replay.State === 'STARTING' || replay.State === 'RUNNING') replay.State = 'CANCELLING';
    }
    await Promise.allSettled([...this.#running]);
  }

  async #run(replay: ReplayRecord) {
    await nextTurn();
    if (replay.State === 'CANCELLING') return this.#finish(replay, 'CANCELLED');
    replay.State = 'RUNNING';
    const archive = this.archives.byArn(replay.EventSourceArn);
    const selected = archive.events.filter(
      (e) => e.receivedAt >= replay.EventStartTime && e.receivedAt < replay.EventEndTime,
    );
    const bus = busNameOf(replay.Destination.Arn);
    for (let i = 0; i < selected.length; i += BATCH) {
      if ((replay.State as ReplayState) === 'CANCELLING') return this.#finish(replay, 'CANCELLED');
      for (const { event, receivedAt } of selected.slice(i, i + BATCH)) {
        this.redeliver(
          bus,
          { ...event, 'replay-name': replay.ReplayName },
          replay.Destination.FilterArns,
        );
        replay.EventLastReplayedTime = receivedAt;
      }
      await nextTurn();
    }
    this.#finish(
      replay,
      (replay.State as ReplayState) === 'CANCELLING' ? 'CANCELLED' : 'COMPLETED',
    );
  }

  #finish(replay: ReplayRecord, state: 'COMPLETED' | 'CANCELLED') {
    replay.State = state;
    replay.ReplayEndTime = this.now();
  }
}
