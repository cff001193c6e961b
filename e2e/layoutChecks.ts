import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { NATIVE_FORMAT_ID, NATIVE_FORMAT_VERSION } from '../shared/model/nativeFormat';
import { defaultTagSet } from '../shared/model/tagSet';
import { projectRoot } from './browserLocation';
import { contrastRatio } from './contrast';
import { makeCorpus, sampleCorpus } from './fixtures';

/** The team's scraped seed article, when ../shared/data is here; else the bundled sample corpus's first article. */
const SEED_FOLDER = path.resolve(projectRoot, '..', 'shared', 'data', 'fa-news-seed');
const SEED_ARTICLE = '000_71c9989fa90c9667.txt';
export const seedPresent = existsSync(path.join(SEED_FOLDER, SEED_ARTICLE));
export const SEED_MISSING_REASON = `The seed article is not here (${SEED_FOLDER} is missing: a fresh clone has no ../shared); the bundled sample article is used instead.`;

export interface DenseCorpus {
  corpus: string;
  article: string;
  /** The article's words that carry a highlight, in reading order. */
  taggedWords: string[];
}

/**
 * A corpus whose article has its first words tagged one after another with every type of the
 * default tag set (short Persian words under long labels: the chips must shift, stack or
 * shorten), one span nested in another, and one with a note.
 */
export async function denseCorpus(): Promise<DenseCorpus> {
  const source = seedPresent ? path.join(SEED_FOLDER, SEED_ARTICLE) : path.join(sampleCorpus, '01-tehran-metro.txt');
  const article = path.basename(source);
  const bytes = await fs.readFile(source);
  const text = bytes.toString('utf8');
  const types = defaultTagSet().types.map((type) => type.id);
  const words: { word: string; start: number; end: number }[] = [];
  const wordPattern = /[\p{L}\p{M}\u200c]+/gu;
  for (let match = wordPattern.exec(text); match && words.length < types.length + 2; match = wordPattern.exec(text)) {
    const start = Array.from(text.slice(0, match.index)).length;
    words.push({ word: match[0], start, end: start + Array.from(match[0]).length });
  }
  const annotations = types.map((type, index) => ({ id: `dense${index}`, type, start: words[index].start, end: words[index].end, text: words[index].word, ...(index === 2 ? { note: 'checked against the source' } : {}) }));
  // «word0 word1» as one more span around two tagged words: a nested highlight.
  annotations.push({ id: 'outer', type: 'EVENT', start: words[0].start, end: words[1].end, text: Array.from(text).slice(words[0].start, words[1].end).join('') });
  const file = {
    format: NATIVE_FORMAT_ID,
    version: NATIVE_FORMAT_VERSION,
    offsetUnit: 'codepoint',
    source: { file: article, sha256: createHash('sha256').update(bytes).digest('hex'), encoding: 'utf-8', length: Array.from(text).length },
    status: 'in-progress',
    annotations,
    relations: [],
    labels: [],
  };
  const corpus = await makeCorpus({ [article]: bytes, [article.replace(/\.txt$/, '.ann.json')]: JSON.stringify(file, null, 2) });
  return { corpus, article, taggedWords: words.slice(0, types.length).map((entry) => entry.word) };
}

export interface LayoutFindings {
  scrollWidth: number;
  clientWidth: number;
  /** Parts of the window that reach past its right or bottom edge. */
  cutOff: string[];
  palette: { type: string; hotkey: string; reachable: boolean }[];
  labels: { type: string; box: { left: number; right: number; top: number; bottom: number }; contrast: number; ink: string; background: string }[];
  intersections: string[];
}

/**
 * Measures the window as drawn: sideways scrolling, panes cut off, the palette's keys, and every
 * label chip in view (its box as drawn in its chunk's chip layer, its contrast from the
 * computed colours, by e2e/contrast.ts).
 */
export async function measureLayout(page: Page): Promise<LayoutFindings> {
  const drawn = await page.evaluate(() => {
    const scroller = document.scrollingElement ?? document.documentElement;
    const cutOff: string[] = [];
    for (const selector of ['.toolbar', '.corpus-pane', '.article-pane', '.side-pane', '.status-bar']) {
      const element = document.querySelector(selector);
      if (!element || element.getClientRects().length === 0) continue;
      const rect = element.getBoundingClientRect();
      if (rect.right > window.innerWidth + 0.5 || rect.bottom > window.innerHeight + 0.5 || rect.left < -0.5) cutOff.push(selector);
      if (element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'auto') cutOff.push(`${selector} (overflowing content)`);
    }
    const palette = [...document.querySelectorAll<HTMLElement>('[data-testid="tag-palette-item"]')].map((item) => {
      const list = item.closest('.tag-palette') as HTMLElement;
      const rect = item.getBoundingClientRect();
      const view = list.getBoundingClientRect();
      const inView = rect.top >= view.top - 1 && rect.bottom <= view.bottom + 1 && rect.width > 0;
      const scrollable = list.scrollHeight > list.clientHeight && ['auto', 'scroll'].includes(getComputedStyle(list).overflowY);
      return { type: item.dataset.entityType ?? '', hotkey: item.dataset.hotkey ?? '', reachable: inView || scrollable };
    });
    const article = document.querySelector('[data-testid="article"]')?.parentElement?.getBoundingClientRect();
    const labels: Omit<LayoutFindings['labels'][number], 'contrast'>[] = [];
    for (const chip of document.querySelectorAll<HTMLElement>('[data-testid="article"] .label-chip')) {
      const box = chip.getBoundingClientRect();
      if (!article || box.bottom < article.top || box.top > article.bottom) continue;
      const style = getComputedStyle(chip);
      labels.push({ type: chip.dataset.chipType ?? '', box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom }, ink: style.color, background: style.backgroundColor });
    }
    const intersections: string[] = [];
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        const a = labels[i].box;
        const b = labels[j].box;
        if (a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5) intersections.push(`${labels[i].type} × ${labels[j].type}`);
      }
    }
    return { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, cutOff, palette, labels, intersections };
  });
  return { ...drawn, labels: drawn.labels.map((label) => ({ ...label, contrast: contrastRatio(label.ink, label.background) })) };
}
