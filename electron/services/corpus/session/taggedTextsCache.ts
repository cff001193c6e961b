import type { TaggedText } from '../suggestions';

/** How long a gathering of the corpus's tagged texts is reused when nothing said it changed. */
export const TAGGED_TEXTS_TTL_MS = 3000;

/**
 * The corpus's tagged texts, gathered for suggestions and reused for a few seconds. Every save or
 * outside change forgets them; a gathering that began before such a change answers its own request
 * but is not kept, since it may have read the files before the change (a save made while another
 * article's suggestions were gathered left them stale, and the next article missed the new tag).
 */
export class TaggedTextsCache {
  private kept: { at: number; texts: TaggedText[] } | null = null;
  private generation = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** What was tagged may have changed: the next request gathers again. */
  forget(): void {
    this.kept = null;
    this.generation += 1;
  }

  /** The texts kept while fresh, or those `gather` reads (kept only if nothing changed meanwhile). */
  async current(gather: () => Promise<TaggedText[]>): Promise<TaggedText[]> {
    if (this.kept !== null && this.now() - this.kept.at <= TAGGED_TEXTS_TTL_MS) return this.kept.texts;
    const generation = this.generation;
    const texts = await gather();
    if (generation === this.generation) this.kept = { at: this.now(), texts };
    return texts;
  }
}
