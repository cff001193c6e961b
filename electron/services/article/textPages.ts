import type { ArticleDocument } from '../../../shared/articleDocumentWire';
import { withUserProblem } from '../problems/userProblems';

/**
 * (#17) The text of an article sent from the first page of its annotations goes to the window
 * in pages too: the answer the window shows the article from carried the whole text (2.0 of its
 * 2.37 MB for the benchmark's 100,000 annotations), and the window decoded it in two tasks of
 * 50-90 ms CPU (the stand-in's transport; Electron's structured clone pays the same size). The
 * head is what the first screens need; the window asks for the rest (article.textPage) and the
 * article stays not editable until it is whole, as it does until its annotations are.
 */

/**
 * UTF-16 units of the head at most: at most 120 KB as UTF-8, 80 KB as UTF-16, about ten screens
 * of a wide window (the window draws 12,000 characters in its first frame).
 */
export const TEXT_HEAD_UNITS = 40_000;

/** UTF-16 units of each later page at most (about 0.5 MB of Persian as UTF-8: a task of 10-20 ms to decode). */
export const TEXT_PAGE_UNITS = 256_000;

/** The head is cut at a paragraph's end when one lies in its second half; else at the limit. */
const PARAGRAPH_CUT_FROM = TEXT_HEAD_UNITS / 2;

/** The document with its text cut to its head (and `textTotal`, `textPageSize` set), when the text is longer than a head. */
export function withTextHead(document: ArticleDocument): ArticleDocument {
  const end = textHeadEnd(document.text);
  return end === document.text.length ? document : { ...document, text: document.text.slice(0, end), textTotal: document.text.length, textPageSize: TEXT_PAGE_UNITS };
}

/** Where the head of `text` ends: after the last line break within the limit (in its second half), else at the limit; never inside a surrogate pair. */
export function textHeadEnd(text: string): number {
  if (text.length <= TEXT_HEAD_UNITS) return text.length;
  const lineEnd = text.lastIndexOf('\n', TEXT_HEAD_UNITS - 1);
  if (lineEnd + 1 >= PARAGRAPH_CUT_FROM) return lineEnd + 1;
  return pairSafeEnd(text, TEXT_HEAD_UNITS);
}

/** `end`, or one before it when it would split a surrogate pair. */
function pairSafeEnd(text: string, end: number): number {
  const before = text.charCodeAt(end - 1);
  const after = text.charCodeAt(end);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? end - 1 : end;
}

/**
 * The page of `text` from UTF-16 index `from`: TEXT_PAGE_UNITS of it (the last fewer), so that
 * the window asks for several at once, knowing where each starts. A page may end between the two
 * halves of a surrogate pair (both transports carry a lone half as it is); the window joins the
 * pages before anything reads them. `text` null: the revision asked for is no longer the one kept
 * (the article was loaded again, or its whole file turned out otherwise); the window loads it
 * again, as for an annotation page.
 */
export function textPageOf(text: string | null, from: number): { text: string } {
  if (text === null) throw withUserProblem(new Error('The text being sent changed since the article was loaded; it is loaded again.'), { code: 'articleChangedOnDisk' });
  if (from >= text.length) throw new Error(`No text page from ${from}: the text has ${text.length} UTF-16 units.`);
  return { text: text.slice(from, from + TEXT_PAGE_UNITS) };
}
