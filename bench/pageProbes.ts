/**
 * Functions run inside the page (passed to `page.evaluate`): they must stay self-contained,
 * since Playwright sends their source text; the after-frame helpers they share are installed
 * in the page once (`installFrameMarks`). Time is measured in the page, so the figures do
 * not include Playwright's round trips.
 *
 * "Painted" means: the DOM change was committed, then the next animation frame ran its
 * rendering update (style, layout, paint), then a task posted from that frame's rAF callback
 * ran — the usual after-frame mark, with no wait for a further vsync (see `installFrameMarks`).
 */

/** The after-frame helpers every probe uses, installed once in the page by `installFrameMarks`. */
export interface FrameMarks {
  /** Runs `done` as the first task after the current frame's rendering. */
  afterPaint: (done: () => void) => void;
  /** Resolves, with the time, once the next frame has been rendered. */
  afterFrame: () => Promise<number>;
}

/**
 * Installs the after-frame helpers in the page (run once after launching the app): probes are
 * sent to the page one function at a time and cannot share code any other way. The mark is a
 * task posted at user-blocking priority: it runs before idle callbacks and other queued work
 * that does not delay the paint, which a MessageChannel message could arrive after.
 */
export function installFrameMarks(): void {
  const afterPaint = (done: () => void) => {
    const tasks = (globalThis as unknown as { scheduler?: { postTask?: (task: () => void, options: { priority: string }) => Promise<void> } }).scheduler;
    if (tasks?.postTask) void tasks.postTask(done, { priority: 'user-blocking' });
    else {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done();
      channel.port2.postMessage(null);
    }
  };
  const afterFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => afterPaint(() => resolve(performance.now()))));
  (window as unknown as { __benchFrames?: FrameMarks }).__benchFrames = { afterPaint, afterFrame };
}

/** Nodes in the page: elements of the whole document, and elements plus text nodes under the article. */
export interface DomNodeCounts {
  /** `document.getElementsByTagName('*').length`: every element of the page (the figure compared with peers). */
  documentElements: number;
  /** Elements and text nodes inside the article (a TreeWalker over both). */
  articleNodes: number;
  /** Highlight elements in the article (`mark.hl`). */
  articleMarks: number;
}

export function domNodeCounts(): DomNodeCounts {
  const article = document.querySelector('[data-testid="article"]');
  let articleNodes = 0;
  if (article) {
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) articleNodes++;
  }
  return { documentElements: document.getElementsByTagName('*').length, articleNodes, articleMarks: article?.querySelectorAll('mark.hl').length ?? 0 };
}

export interface OpenTiming {
  /** Click to the first frame with the article's highlights painted. */
  totalMs: number;
  /** Click to the React commit holding the highlights. */
  commitMs: number;
  /** Time spent in the article.load call (IPC to the main handlers, over Playwright's binding here). */
  loadMs: number;
  /** From the load's answer to the painted frame: the renderer's own share. */
  renderMs: number;
  marks: number;
  paragraphs: number;
  /** Click to the frame in which every paragraph is in the DOM (the app may add them in steps). */
  completeMs: number;
}

export function openArticleTimed({ name, paragraphs }: { name: string; paragraphs: number }): Promise<OpenTiming> {
  const { afterPaint } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  type InvokeHost = { __hashiyeInvoke: (channel: string, payload: unknown) => Promise<unknown> };
  const host = window as unknown as InvokeHost & { __benchOriginalInvoke?: InvokeHost['__hashiyeInvoke'] };
  const original = host.__benchOriginalInvoke ?? host.__hashiyeInvoke;
  host.__benchOriginalInvoke = original;
  let loadMs = 0;
  let loadedAt = 0;
  host.__hashiyeInvoke = async (channel, payload) => {
    const started = performance.now();
    const result = await original(channel, payload);
    if (channel === 'article.load') {
      loadedAt = performance.now();
      loadMs = loadedAt - started;
    }
    return result;
  };
  const button = Array.from(document.querySelectorAll<HTMLButtonElement>('[data-testid="file-list"] button')).find((candidate) => candidate.textContent?.includes(name));
  if (!button) throw new Error(`No ${name} in the file list.`);
  return new Promise((resolve) => {
    const started = performance.now();
    const observer = new MutationObserver(() => {
      const article = document.querySelector('[data-testid="article"]');
      const current = document.querySelector('.file.current');
      if (!article || !current?.textContent?.includes(name) || !article.querySelector('mark.hl')) return;
      observer.disconnect();
      const committed = performance.now();
      requestAnimationFrame(() => {
        afterPaint(() => {
          host.__hashiyeInvoke = original;
          const painted = performance.now();
          const first = { totalMs: painted - started, commitMs: committed - started, loadMs, renderMs: painted - loadedAt, marks: article.querySelectorAll('mark.hl').length };
          // Paragraphs in the DOM: one element each near the view, a chunk far from it holds its lines (#25).
          const lines = new WeakMap<Element, number>();
          const linesOf = (element: Element) => {
            if (element.tagName === 'P') return 1;
            let count = lines.get(element);
            if (count === undefined) lines.set(element, (count = (element.textContent ?? '').split('\n').length));
            return count;
          };
          const waitComplete = () => {
            let count = 0;
            for (const element of article.querySelectorAll('[data-offset]')) count += linesOf(element);
            if (count >= paragraphs || performance.now() - started > 60_000) resolve({ ...first, paragraphs: count, completeMs: performance.now() - started });
            else requestAnimationFrame(waitComplete);
          };
          requestAnimationFrame(waitComplete);
        });
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['max'] });
    button.click();
  });
}

export interface PlainTiming {
  totalMs: number;
  paragraphs: number;
}

/**
 * The baseline: the same text as plain `<p dir="auto">` paragraphs, set as innerHTML of a
 * blank box with the article's font, size, line height and width (the app hidden meanwhile),
 * to the same after-frame point. The box stays for the scroll baseline until `removePlain`.
 */
export async function renderPlainTimed(text: string): Promise<PlainTiming> {
  const { afterFrame } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  const article = document.querySelector<HTMLElement>('[data-testid="article"]');
  const app = document.querySelector<HTMLElement>('.app');
  if (!article || !app) throw new Error('Open an article first: its box gives the font and width.');
  const style = getComputedStyle(article);
  const width = article.getBoundingClientRect().width;
  const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const html = text
    .replace(/\n$/, '')
    .split('\n')
    .map((paragraph) => `<p dir="auto">${escape(paragraph)}</p>`)
    .join('');
  document.getElementById('bench-plain')?.remove();
  const box = document.createElement('div');
  box.id = 'bench-plain';
  box.lang = 'fa';
  box.style.cssText = `position:fixed;inset:0;overflow:auto;background:#fff;`;
  const inner = document.createElement('div');
  inner.style.cssText = `width:${width}px;margin:0 auto;font-family:${style.fontFamily};font-size:${style.fontSize};line-height:${style.lineHeight};white-space:${style.whiteSpace};overflow-wrap:break-word;`;
  box.append(inner);
  app.style.display = 'none';
  document.body.append(box);
  await afterFrame();
  const started = performance.now();
  inner.innerHTML = html;
  const painted = await afterFrame();
  return { totalMs: painted - started, paragraphs: inner.childElementCount };
}

export async function removePlain(): Promise<void> {
  document.getElementById('bench-plain')?.remove();
  const app = document.querySelector<HTMLElement>('.app');
  if (app) app.style.display = '';
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}

export interface ScrollTiming {
  frames: number;
  /** Intervals between consecutive animation frames while scrolling, in ms. */
  intervals: number[];
  distance: number;
  step: number;
}

/**
 * Scrolls a box from top to bottom in about `frames` animation frames (a steady fling: the
 * step is the height divided by the frames), recording the intervals between frames.
 */
export async function scrollTimed(options: { selector: string; frames: number }): Promise<ScrollTiming> {
  const box = document.querySelector<HTMLElement>(options.selector);
  if (!box) throw new Error(`No ${options.selector}.`);
  box.scrollTop = 0;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const intervals: number[] = [];
  const step = Math.max(100, Math.ceil(box.scrollHeight / options.frames));
  return new Promise((resolve) => {
    let previous = -1;
    const frame = (time: number) => {
      if (previous >= 0) intervals.push(time - previous);
      previous = time;
      const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 1;
      if (atBottom || intervals.length >= options.frames * 3) {
        resolve({ frames: intervals.length, intervals, distance: box.scrollTop, step });
        return;
      }
      box.scrollBy(0, step);
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

export interface PreparedSelection {
  text: string;
  paragraphOffset: number;
}

/**
 * Scrolls a paragraph into view, selects one to three whole words in it through the DOM
 * selection and lets the app read it (the mouseup it listens to), as a drag would.
 */
export async function selectWordsInParagraph(options: { paragraphIndex: number; wordPick: number; wordCount: number }): Promise<PreparedSelection | null> {
  const { afterFrame } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  // The paragraph by its index among the article's lines: near the view it is an element of its
  // own, in a chunk far from the view a line of that chunk's text (#25). Found again once the
  // view is there, where its chunk may have been drawn meanwhile.
  const holding = () => {
    const elements = document.querySelectorAll<HTMLElement>('[data-testid="article"] [data-offset]');
    let total = 0;
    for (const element of elements) total += element.tagName === 'P' ? 1 : (element.textContent ?? '').split('\n').length;
    let remaining = options.paragraphIndex % total;
    for (const element of elements) {
      const lines = element.tagName === 'P' ? [element.textContent ?? ''] : (element.textContent ?? '').split('\n');
      if (remaining < lines.length) return { element, lineStart: lines.slice(0, remaining).reduce((sum, line) => sum + line.length + 1, 0), line: lines[remaining] };
      remaining -= lines.length;
    }
    throw new Error('no paragraph');
  };
  holding().element.scrollIntoView({ block: 'center' });
  await afterFrame();
  await afterFrame();
  const { element: paragraph, lineStart, line: text } = holding();
  const words = Array.from(text.matchAll(/[\p{L}\p{M}\p{N}\u200C]+/gu));
  if (words.length === 0) return null;
  const first = Math.floor(options.wordPick * words.length);
  const last = Math.min(words.length - 1, first + options.wordCount - 1);
  const start = words[first].index ?? 0;
  const end = (words[last].index ?? 0) + words[last][0].length;
  const locate = (offset: number, preferNext: boolean) => {
    const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
    let remaining = offset;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (remaining < node.data.length || (!preferNext && remaining === node.data.length)) return { node, offset: remaining };
      remaining -= node.data.length;
    }
    throw new Error('offset outside the paragraph');
  };
  const from = locate(lineStart + start, true);
  const to = locate(lineStart + end, false);
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  paragraph.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, cancelable: true, view: window, detail: 1 }));
  await afterFrame();
  await afterFrame();
  return { text: text.slice(start, end), paragraphOffset: Number(paragraph.dataset.offset) + lineStart };
}

export interface TagTiming {
  /**
   * keydown's timestamp to the after-frame mark of the first frame that painted the new
   * highlight: its element committed, or a preview CSS highlight of it (#25, session 12).
   */
  totalMs: number;
  /** keydown to the commit. */
  commitMs: number;
  /**
   * Main-thread work of the tagging: keydown to the commit, plus the painting frame's own
   * rendering (its animation-frame start to the after-frame mark). What is left of totalMs is
   * waiting for the display's next frame, which no application code can shorten.
   */
  workMs: number;
  /** Animation frames that began after the key press, up to and including the one that painted the highlight (1: the very next frame). */
  frames: number;
  /** The keydown's timestamp, which is also its Event Timing entry's startTime. */
  keyTime: number;
  /**
   * Keydown to the after-frame mark of the frame that painted the highlight's element (its label
   * chip and selection outline); the same as totalMs unless a preview highlight came first.
   */
  elementMs: number;
  /**
   * The key's timestamp to the first keydown listener running: how long the key waited for the
   * task that was running when it came (a chunk draw, a timer, another pane's work).
   */
  inputDelayMs: number;
}

/**
 * Starts collecting the browser's own Event Timing entries for key presses of 16 ms or more
 * (key press to the next paint presented; the browser reports nothing shorter). Read them with
 * `slowKeyEntries`.
 */
export function watchSlowKeys(): void {
  const host = window as unknown as { __benchSlowKeys?: { startTime: number; duration: number }[] };
  host.__benchSlowKeys = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown') host.__benchSlowKeys?.push({ startTime: entry.startTime, duration: entry.duration });
  }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
}

export function slowKeyEntries(): { startTime: number; duration: number }[] {
  return (window as unknown as { __benchSlowKeys?: { startTime: number; duration: number }[] }).__benchSlowKeys ?? [];
}

/** Arms the measurement of the next tagging; `awaitTagging` collects it after the key press. */
export function armTagging(timeoutMs: number): void {
  const { afterPaint } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  type Bench = { __benchTag?: Promise<TagTiming | null> };
  const root = document.querySelector('[data-testid="article"]');
  if (!root) throw new Error('No article.');
  // (#25, session 12) The app may paint a new annotation first as a CSS highlight named
  // hashiye-tagging-<n> over the unchanged text, and draw its elements after that frame.
  const previewShown = () => {
    let shown = false;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('hashiye-tagging-') && highlight.size > 0) shown = true;
    });
    return shown;
  };
  (window as unknown as Bench).__benchTag = new Promise((resolve) => {
    let keyTime = -1;
    let inputDelayMs = 0;
    const frameStarts: number[] = [];
    let counting = true;
    let first: { paintedMs: number; commitMs: number; workMs: number; frames: number } | null = null;
    const countFrames = (frameStart: number) => {
      if (!counting) return;
      frameStarts.push(frameStart);
      requestAnimationFrame(countFrames);
    };
    // The first frame after the key that shows the preview highlight paints the tagging.
    const watchPreview = (frameStart: number) => {
      if (first || !counting) return;
      if (!previewShown()) return;
      const frames = frameStarts.filter((start) => start < frameStart).length + 1;
      afterPaint(() => {
        if (first) return;
        const painted = performance.now();
        first = { paintedMs: painted - keyTime, commitMs: frameStart - keyTime, workMs: painted - keyTime, frames };
      });
    };
    const onKey = (event: KeyboardEvent) => {
      if (keyTime >= 0) return;
      keyTime = event.timeStamp;
      inputDelayMs = performance.now() - keyTime;
      requestAnimationFrame(countFrames);
      requestAnimationFrame(watchPreview);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    const timer = setTimeout(() => {
      counting = false;
      observer.disconnect();
      window.removeEventListener('keydown', onKey, { capture: true });
      resolve(null);
    }, timeoutMs);
    // The frame after the commit of the new highlight's element (mark.hl-selected).
    const observer = new MutationObserver(() => {
      if (keyTime < 0 || !root.querySelector('mark.hl-selected')) return;
      observer.disconnect();
      clearTimeout(timer);
      window.removeEventListener('keydown', onKey, { capture: true });
      const committed = performance.now();
      requestAnimationFrame((frameStart) => {
        counting = false;
        // Callbacks of one frame share its start time, whichever of the two ran first.
        const frames = frameStarts.filter((start) => start < frameStart).length + 1;
        const frameStartedAt = Math.max(frameStart, committed);
        afterPaint(() => {
          const painted = performance.now();
          const element = { paintedMs: painted - keyTime, commitMs: committed - keyTime, workMs: committed - keyTime + (painted - frameStartedAt), frames };
          const shown = first && first.paintedMs < element.paintedMs ? first : element;
          resolve({ totalMs: shown.paintedMs, commitMs: shown.commitMs, workMs: shown.workMs, frames: shown.frames, elementMs: element.paintedMs, keyTime, inputDelayMs });
        });
      });
    });
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
  });
}

/**
 * The baseline for a tagging: a key press the app looks at and has nothing to do for (KeyQ is
 * bound to nothing), from its keydown to the after-frame mark of the next frame. Armed before
 * the press; `awaitKeyToFrame` collects it.
 */
export function armKeyToFrame(): void {
  const { afterPaint } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  type Bench = { __benchKey?: Promise<{ ms: number; keyTime: number }> };
  (window as unknown as Bench).__benchKey = new Promise((resolve) => {
    const onKey = (event: KeyboardEvent) => {
      window.removeEventListener('keydown', onKey, { capture: true });
      const keyTime = event.timeStamp;
      requestAnimationFrame(() => {
        afterPaint(() => resolve({ ms: performance.now() - keyTime, keyTime }));
      });
    };
    window.addEventListener('keydown', onKey, { capture: true });
  });
}

export function awaitKeyToFrame(): Promise<{ ms: number; keyTime: number }> {
  return (window as unknown as { __benchKey?: Promise<{ ms: number; keyTime: number }> }).__benchKey ?? Promise.resolve({ ms: Number.NaN, keyTime: Number.NaN });
}

export function awaitTagging(): Promise<TagTiming | null> {
  return (window as unknown as { __benchTag?: Promise<TagTiming | null> }).__benchTag ?? Promise.resolve(null);
}

export interface ListTiming {
  totalMs: number;
  items: number;
}

/** Clicks "open folder" (the dialog answers the big corpus) until its file list is painted. */
export function openCorpusTimed(expectedItems: number): Promise<ListTiming> {
  const { afterPaint } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  // Found by its name (a word, or an icon's label in a compact toolbar): the toolbar's first button is a pane toggle.
  const button = [...document.querySelectorAll<HTMLButtonElement>('.toolbar button')].find((candidate) => /باز کردن پوشه|Open folder/.test(candidate.getAttribute('aria-label') ?? candidate.textContent ?? ''));
  if (!button) throw new Error('No open-folder button.');
  return new Promise((resolve) => {
    const started = performance.now();
    (window as unknown as { __benchListStarted: number }).__benchListStarted = started;
    const observer = new MutationObserver(() => {
      // The list may be virtualized: the corpus progress bar's total tells that all entries arrived.
      const list = document.querySelector('[data-testid="file-list"]');
      const total = Number(document.querySelector('.corpus-pane progress')?.getAttribute('max') ?? 0);
      if (!list || list.childElementCount === 0 || Math.max(total, list.childElementCount) < expectedItems) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        afterPaint(() => resolve({ totalMs: performance.now() - started, items: Math.max(total, list.childElementCount) }));
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['max'] });
    button.click();
  });
}

/**
 * (#25, session 15) Milliseconds from openCorpusTimed's click until no status in the file list is
 * pending ("…"), painted: a listing may be shown before main has compared every stamp.
 */
export function statusesShownMs(): Promise<number> {
  const { afterPaint } = (window as unknown as { __benchFrames: FrameMarks }).__benchFrames;
  const started = (window as unknown as { __benchListStarted: number }).__benchListStarted;
  const pending = () => document.querySelector('[data-testid="file-list"] [data-testid="file-status-pending"]') !== null;
  return new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => afterPaint(() => resolve(performance.now() - started)));
    if (!pending()) return done();
    const observer = new MutationObserver(() => {
      if (pending()) return;
      observer.disconnect();
      done();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** A long animation frame's scripts, as the browser attributes them (Long Animation Frames API). */
export interface LongFrameScript {
  invoker: string;
  source: string;
  durationMs: number;
  forcedLayoutMs: number;
}

export interface LongFrame {
  startTime: number;
  durationMs: number;
  renderMs: number;
  styleLayoutMs: number;
  scripts: LongFrameScript[];
}

/** Starts collecting long animation frames (50 ms or more) with their scripts; read with `longFramesBetween`. */
export function watchLongFrames(): void {
  type Entry = PerformanceEntry & { renderStart: number; styleAndLayoutStart: number; scripts: (PerformanceEntry & { invoker: string; sourceFunctionName: string; sourceURL: string; sourceCharPosition: number; forcedStyleAndLayoutDuration: number })[] };
  const host = window as unknown as { __benchLongFrames?: LongFrame[] };
  host.__benchLongFrames = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as Entry[]) {
      host.__benchLongFrames?.push({
        startTime: entry.startTime,
        durationMs: entry.duration,
        renderMs: entry.renderStart > 0 ? entry.startTime + entry.duration - entry.renderStart : 0,
        styleLayoutMs: entry.styleAndLayoutStart > 0 ? entry.startTime + entry.duration - entry.styleAndLayoutStart : 0,
        scripts: entry.scripts.map((script) => ({ invoker: script.invoker, source: `${script.sourceFunctionName}@${script.sourceCharPosition}`, durationMs: script.duration, forcedLayoutMs: script.forcedStyleAndLayoutDuration })),
      });
    }
  }).observe({ type: 'long-animation-frame', buffered: false });
}

/** The long animation frames that overlap [from, to] (page time). */
export function longFramesBetween(window_: { from: number; to: number }): LongFrame[] {
  const frames = (window as unknown as { __benchLongFrames?: LongFrame[] }).__benchLongFrames ?? [];
  return frames.filter((frame) => frame.startTime <= window_.to && frame.startTime + frame.durationMs >= window_.from);
}
