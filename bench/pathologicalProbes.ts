/**
 * In-page probes for the pathological cases of the benchmark (bench/pathological.bench.ts):
 * one-line articles and 100,000 annotations. Like bench/pageProbes.ts, each function is sent
 * to the page as source text and must stay self-contained; they use the after-frame helpers
 * installed by `installFrameMarks`.
 */
import type { FrameMarks } from './pageProbes';

/** Starts recording long tasks (over 50 ms, as the browser reports them) from now on. */
export function watchLongTasks(): void {
  const host = window as unknown as { __benchLongTasks?: number[] };
  host.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) host.__benchLongTasks?.push(entry.duration);
  }).observe({ type: 'longtask' });
}

/** The long tasks recorded since `watchLongTasks`, and clears them. */
export function takeLongTasks(): number[] {
  const host = window as unknown as { __benchLongTasks?: number[] };
  const tasks = host.__benchLongTasks ?? [];
  host.__benchLongTasks = [];
  return tasks;
}

export interface ShowTiming {
  /** Click to the first frame that shows the start of the article (with a highlight when asked). */
  shownMs: number;
  /** Click to the frame in which the whole text is in the DOM. */
  completeMs: number;
  /** Characters of the article in the DOM at the end. */
  characters: number;
  /** When the click was made, in milliseconds since the epoch (to line the window's times up with main's). */
  startedAt: number;
}

/**
 * Clicks an article in the file list and times it to the first frame that shows its beginning
 * (and, with `needMarks`, a highlight), then to every character of it being in the page.
 */
export function showArticleTimed({ name, characters, needMarks }: { name: string; characters: number; needMarks: boolean }): Promise<ShowTiming> {
  const { afterPaint } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  const button = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-testid="file-list"] button')).find((candidate) => candidate.textContent?.includes(name));
  if (!button) throw new Error(`No ${name} in the file list.`);
  const inPage = (article: Element) => {
    const pieces = article.querySelectorAll<HTMLElement>('[data-offset]');
    const last = pieces[pieces.length - 1];
    return last ? Number(last.dataset.offset) + (last.textContent?.length ?? 0) : 0;
  };
  return new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      const article = document.querySelector('[data-testid="article"]');
      const current = document.querySelector('.file.current');
      if (!article || !current?.textContent?.includes(name)) return;
      const first = article.querySelector<HTMLElement>('[data-offset="0"]');
      if (!first || !first.textContent || (needMarks && !article.querySelector('mark.hl'))) return;
      observer.disconnect();
      requestAnimationFrame(() =>
        afterPaint(() => {
          const shownMs = performance.now() - started;
          const waitComplete = () => {
            const count = inPage(article);
            if (count >= characters || performance.now() - started > 600_000) resolve({ shownMs, completeMs: performance.now() - started, characters: count, startedAt: performance.timeOrigin + started });
            else requestAnimationFrame(waitComplete);
          };
          requestAnimationFrame(waitComplete);
        }),
      );
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    button.click();
  });
}

/**
 * Scrolls to the text at `fraction` of the article, selects a few whole words there through
 * the DOM selection and lets the app read it (the mouseup a drag ends with). Returns the
 * selected text and its UTF-16 offset in the document, or null when no words are there.
 */
export async function selectWordsAt({ fraction, wordCount }: { fraction: number; wordCount: number }): Promise<{ text: string; start: number } | null> {
  const { afterFrame } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  const pieces = document.querySelectorAll<HTMLElement>('[data-testid="article"] [data-offset]');
  const last = pieces[pieces.length - 1];
  const total = Number(last.dataset.offset) + (last.textContent?.length ?? 0);
  const target = Math.floor(total * fraction);
  let piece = pieces[0];
  for (const candidate of pieces) {
    if (Number(candidate.dataset.offset) <= target) piece = candidate;
    else break;
  }
  const pieceStart = Number(piece.dataset.offset);
  const text = piece.textContent ?? '';
  const wordPattern = /[\p{L}\p{M}\p{N}\u200C]+/gu;
  wordPattern.lastIndex = Math.max(0, target - pieceStart);
  let found = wordPattern.exec(text);
  if (!found) {
    wordPattern.lastIndex = 0;
    found = wordPattern.exec(text);
  }
  if (!found) return null;
  const start = found.index;
  let end = start + found[0].length;
  for (let index = 1; index < wordCount; index++) {
    const next = wordPattern.exec(text);
    // Words of one line only: a chunk far from the view holds several lines (#25).
    if (!next || next.index - end > 3 || text.slice(end, next.index).includes('\n')) break;
    end = next.index + next[0].length;
  }
  // Scroll there first, as a user would, and select in the nodes the view then holds: a chunk
  // coming near may redraw its text (with its highlights), replacing the nodes it had.
  piece.scrollIntoView({ block: 'center' });
  await afterFrame();
  await afterFrame();
  // The element holding the words now: a far chunk drawn meanwhile is replaced by its paragraphs (#25).
  const holder = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="article"] [data-offset]'))
    .filter((candidate) => Number(candidate.dataset.offset) <= pieceStart + start)
    .pop() as HTMLElement;
  const shift = pieceStart - Number(holder.dataset.offset);
  const locate = (offset: number, preferNext: boolean) => {
    const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
    let remaining = offset + shift;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (remaining < node.data.length || (!preferNext && remaining === node.data.length)) return { node, offset: remaining };
      remaining -= node.data.length;
    }
    throw new Error('offset outside the piece');
  };
  const from = locate(start, true);
  const to = locate(end, false);
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  holder.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, view: window, detail: 1 }));
  await afterFrame();
  await afterFrame();
  return { text: text.slice(start, end), start: pieceStart + start };
}

export interface FontTiming {
  font: string;
  totalMs: number;
}

/**
 * The font baseline: the text as plain `<p dir="auto">` paragraphs in a blank box of the
 * article's width, size and line height, in the given font, to the painted frame. With
 * `pieceCharacters`, each line is cut into blocks of about that many characters at spaces
 * (what the app does with very long lines), to compare the same font laid out in pieces.
 */
export async function renderPlainInFont({ text, font, pieceCharacters }: { text: string; font: string; pieceCharacters: number }): Promise<FontTiming> {
  const { afterFrame } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  const article = document.querySelector<HTMLElement>('[data-testid="article"]');
  const app = document.querySelector<HTMLElement>('.app');
  if (!article || !app) throw new Error('Open an article first: its box gives the width.');
  const style = getComputedStyle(article);
  const width = article.getBoundingClientRect().width;
  await document.fonts.load(`${style.fontSize} ${font}`, 'سلام');
  const box = document.createElement('div');
  box.lang = 'fa';
  box.style.cssText = 'position:fixed;inset:0;overflow:auto;background:#fff;';
  const inner = document.createElement('div');
  inner.style.cssText = `width:${width}px;margin:0 auto;font-family:${font};font-size:${style.fontSize};line-height:${style.lineHeight};white-space:${style.whiteSpace};overflow-wrap:break-word;`;
  box.append(inner);
  app.style.display = 'none';
  document.body.append(box);
  const fragment = document.createDocumentFragment();
  for (const line of text.replace(/\n$/, '').split('\n')) {
    if (pieceCharacters <= 0) {
      const paragraph = document.createElement('p');
      paragraph.dir = 'auto';
      paragraph.textContent = line;
      fragment.append(paragraph);
      continue;
    }
    for (let start = 0; start < line.length; ) {
      let end = Math.min(line.length, start + pieceCharacters);
      if (end < line.length) {
        const space = line.indexOf(' ', end);
        end = space === -1 ? line.length : space + 1;
      }
      const paragraph = document.createElement('p');
      paragraph.dir = 'rtl';
      paragraph.style.margin = '0';
      paragraph.textContent = line.slice(start, end);
      fragment.append(paragraph);
      start = end;
    }
  }
  await afterFrame();
  const started = performance.now();
  inner.append(fragment);
  const painted = await afterFrame();
  box.remove();
  app.style.display = '';
  await afterFrame();
  return { font, totalMs: painted - started };
}
