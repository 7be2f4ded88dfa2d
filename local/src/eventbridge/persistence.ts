import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchivedEvent, ArchivePersistence, ArchiveRecord } from './archive-store.ts';
import type { RuleRecord } from './rule-registry.ts';

/**
 * The emulator's state in a data dir, as plain JSON: `rules.json`, `archives.json` and one
 * `archive-<name>.jsonl` per archive (an event per line, appended as it arrives).
 */
export class EventBridgeFiles implements ArchivePersistence {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'eventbridge');
    mkdirSync(this.dir, { recursive: true });
  }

  #read<T>(file: string, fallback: T): T {
    const path = join(this.dir, file);
    return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
  }

  loadRules(): RuleRecord[] {
    return this.#read<RuleRecord[]>('rules.json', []);
  }

  saveRules(records: RuleRecord[]) {
    writeFileSync(join(this.dir, 'rules.json'), JSON.stringify(records, null, 2));
  }

  loadArchives(): { record: ArchiveRecord; events: ArchivedEvent[] }[] {
    return this.#read<ArchiveRecord[]>('archives.json', []).map((record) => {
      const path = join(this.dir, `archive-${record.ArchiveName}.jsonl`);
      const lines = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
      return {
        record,
        events: lines.filter((l) => l.length > 0).map((l) => JSON.parse(l) as ArchivedEvent),
      };
    });
  }

  saveArchives(records: ArchiveRecord[]) {
    writeFileSync(join(this.dir, 'archives.json'), JSON.stringify(records, null, 2));
  }

  appendEvent(archiveName: string, archived: ArchivedEvent) {
    appendFileSync(join(this.dir, `archive-${archiveName}.jsonl`), `${JSON.stringify(archived)}\n`);
  }
}
