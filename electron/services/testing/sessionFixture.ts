import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';
import { CorpusSession } from '../corpus/corpusSession';
import type { SessionEvent } from '../corpus/session/outsideChanges';
import { writeTestArticle } from './testCorpus';

/**
 * Fixtures of the tests that save through a real CorpusSession on a real temporary corpus
 * of one article (concurrent saves, annotation file guards), and of the export tests that
 * need a small and a big corpus of news articles (interrupted exports, a full disk).
 */

/** The one article of a session fixture's corpus. */
export const ARTICLE_ID = 'خبر.txt';

/**
 * What a test made, undone after it (call `run` in afterEach): folders removed last, sessions
 * and other things that use them closed first.
 */
export class TestCleanups {
  private readonly steps: (() => Promise<unknown> | unknown)[] = [];

  /** Runs after everything registered so far (removing a folder). */
  last(step: () => Promise<unknown> | unknown): void {
    this.steps.push(step);
  }

  /** Runs before everything registered so far (closing a session on a folder). */
  first(step: () => Promise<unknown> | unknown): void {
    this.steps.unshift(step);
  }

  async run(): Promise<void> {
    for (const step of this.steps.splice(0)) await step();
  }
}

/** The annotation of `needle`'s first occurrence in `text`, in code points. */
export function spanIn(text: string, needle: string, id: string, type = 'LOC'): StoredAnnotation {
  const start = Array.from(text.slice(0, text.indexOf(needle))).length;
  return { id, type, start, end: start + Array.from(needle).length, text: needle };
}

/** A fresh temporary corpus holding «خبر.txt» with `text`, removed by `cleanups`. */
export async function corpusOfOneArticle(cleanups: TestCleanups, prefix: string, text: string): Promise<{ root: string; annotationPath: string; bratAnnotationPath: string }> {
  const root = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  cleanups.last(() => fs.rm(root, { recursive: true, force: true }));
  await fs.writeFile(path.join(root, ARTICLE_ID), text);
  return { root, annotationPath: path.join(root, 'خبر.ann.json'), bratAnnotationPath: path.join(root, 'خبر.ann') };
}

/** The same corpus in brat mode: «خبر.ann» holds T1, a LOC on `needle`. Returns the brat file's path and its text. */
export async function bratCorpusOfOneArticle(cleanups: TestCleanups, prefix: string, text: string, needle: string): Promise<{ root: string; annotationPath: string; contents: string }> {
  const { root, bratAnnotationPath } = await corpusOfOneArticle(cleanups, prefix, text);
  const entity = spanIn(text, needle, 'T1');
  const contents = `T1\tLOC ${entity.start} ${entity.end}\t${needle}\n`;
  await fs.writeFile(bratAnnotationPath, contents);
  return { root, annotationPath: bratAnnotationPath, contents };
}

/** A session opened on `root` (watching the disk when asked), closed by `cleanups` before its folder goes; `events` collects what it tells. */
export async function openSession(cleanups: TestCleanups, root: string, options: { watch?: boolean } = {}): Promise<{ session: CorpusSession; events: SessionEvent[] }> {
  const session = options.watch === undefined ? new CorpusSession() : new CorpusSession({ watch: options.watch });
  cleanups.first(() => session.close());
  await session.open(root);
  const events: SessionEvent[] = [];
  session.onEvent((event) => events.push(event));
  return { session, events };
}

/**
 * `count` done news articles n/1.txt … (numbers padded to `digits`), each tagging «ایران»
 * (and «دمشق» with `twoPlaces`), the sentence followed by `body`.
 */
export async function writeNewsCorpus(folder: string, count: number, options: { digits?: number; twoPlaces?: boolean; body?: string } = {}): Promise<void> {
  const places = options.twoPlaces ? ['ایران', 'دمشق'] : ['ایران'];
  for (let index = 1; index <= count; index++) {
    await writeTestArticle(folder, {
      id: `n/${String(index).padStart(options.digits ?? 1, '0')}.txt`,
      bytes: `خبر ${index}: وزیر امور خارجه ایران به دمشق رفت.${options.body ?? ''}`,
      status: 'done',
      annotations: places.map((part) => ({ type: 'LOC', part })),
    });
  }
}
