import type { LastWrite } from '../../storage/mergingSave';

/** How long after our write another program's write is checked for having dropped our changes unseen. */
const BLIND_OVERWRITE_WINDOW_MS = 5000;

/**
 * This window's last write of each article's annotation file, for a few seconds: a plain
 * writer that read the file just before it and wrote just after it has dropped our changes
 * without knowing; they are merged back (see isBlindTo) instead of taken as deleted.
 */
export class BlindOverwrites {
  private readonly writes = new Map<string, LastWrite & { at: number }>();

  /** Our last write of an article's annotation file, while a blind overwrite of it is still plausible. */
  recent(id: string): LastWrite | null {
    const recent = this.writes.get(id);
    if (recent === undefined) return null;
    if (Date.now() - recent.at > BLIND_OVERWRITE_WINDOW_MS) {
      this.writes.delete(id);
      return null;
    }
    return recent;
  }

  /** Notes a write of ours; writes too old to be overwritten blindly are dropped on the way. */
  note(id: string, write: LastWrite): void {
    for (const [other, earlier] of this.writes) if (Date.now() - earlier.at > BLIND_OVERWRITE_WINDOW_MS) this.writes.delete(other);
    this.writes.set(id, { ...write, at: Date.now() });
  }

  ids(): string[] {
    return [...this.writes.keys()];
  }

  forget(id: string): void {
    this.writes.delete(id);
  }

  clear(): void {
    this.writes.clear();
  }
}
