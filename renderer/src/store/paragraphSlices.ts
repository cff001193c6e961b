import { useCallback, useSyncExternalStore } from 'react';
import type { DocumentAnnotation } from '../../../shared/anchoring/documentAnnotation';
import { ParagraphAnnotationIndex } from '../../../shared/model/paragraphAnnotationIndex';
import { splitIntoPieces, type TextPiece } from '../../../shared/text/paragraphChunks';
import { wholeParagraphPieces } from '../../../shared/text/wholeParagraphPieces';
import { splitParagraphs, type Paragraph } from '../../../shared/text/paragraphs';
import { useDocumentStore } from './documentStore';
import { useArticleViewStore } from './articleViewStore';
import { partitionPoint } from '../../../shared/sortedSearch';
import { identicalEnds } from '../../../shared/model/annotationChanges';

const piecesByParagraphs = new WeakMap<readonly Paragraph[], TextPiece[]>();

/**
 * The blocks the article is drawn in: its paragraphs, with very long ones cut into pieces
 * (shared/text/paragraphChunks). Made once per article and shared by the view and the slices
 * below, which are kept per piece: a "paragraph index" in this file is a piece's index.
 */
export function piecesOf(paragraphs: readonly Paragraph[]): TextPiece[] {
  let pieces = piecesByParagraphs.get(paragraphs);
  if (!pieces) piecesByParagraphs.set(paragraphs, (pieces = splitIntoPieces(paragraphs)));
  return pieces;
}

/**
 * The paragraphs of an article's text, with their pieces made (piecesOf). When no paragraph is
 * cut, every piece is its paragraph (same index, range and text) and the pieces are returned as
 * the paragraphs: one record per paragraph instead of two (#25 heap, about 100 KB for 1 MB),
 * each holding its range, not its text (wholeParagraphPieces, about 120 KB more).
 */
export function paragraphsOf(text: string): Paragraph[] {
  const whole = wholeParagraphPieces(text);
  if (whole) {
    piecesByParagraphs.set(whole, whole);
    return whole;
  }
  const paragraphs = splitParagraphs(text);
  const pieces = splitIntoPieces(paragraphs);
  const kept = pieces.length === paragraphs.length ? pieces : paragraphs;
  piecesByParagraphs.set(kept, pieces);
  return kept;
}

/**
 * What one paragraph of the open article draws: its annotations and, when the selected
 * annotation lies in it, that annotation's id.
 *
 * Each paragraph subscribes to its own slice, and an edit notifies only the paragraphs it
 * touched: a key press in a 3,000-paragraph article re-renders one paragraph, not the article.
 */
export interface ParagraphSlice {
  annotations: readonly DocumentAnnotation[];
  selectedId: string | null;
}

const EMPTY_SLICE: ParagraphSlice = Object.freeze({ annotations: Object.freeze([]), selectedId: null });

let index: ParagraphAnnotationIndex | null = null;
/**
 * The slices handed out, kept only for paragraphs someone listens to (#25 heap): far paragraphs
 * are drawn as plain text (paragraphChunkElement) and never ask, so an article holds a slice per
 * paragraph near the view, not one per paragraph of the article.
 */
const slices = new Map<number, ParagraphSlice>();
let selectedId: string | null = null;
const listeners = new Map<number, Set<() => void>>();

function sliceFor(paragraphIndex: number): ParagraphSlice {
  if (!index) return EMPTY_SLICE;
  const annotations = editedWhileRegrouping.get(paragraphIndex) ?? index.group(paragraphIndex);
  const selected = selectedId !== null && annotations.some((annotation) => annotation.id === selectedId) ? selectedId : null;
  return annotations.length === 0 && selected === null ? EMPTY_SLICE : { annotations, selectedId: selected };
}

/** The slice a paragraph shows, made when first asked for and kept while it is listened to. */
function sliceOf(paragraphIndex: number): ParagraphSlice {
  let slice = slices.get(paragraphIndex);
  if (!slice) slices.set(paragraphIndex, (slice = sliceFor(paragraphIndex)));
  return slice;
}

/** Lets a paragraph's slice go, and the group array the index made for it (#25 heap). */
function forget(paragraphIndex: number): void {
  slices.delete(paragraphIndex);
  index?.release(paragraphIndex);
}

function notify(paragraphIndices: Iterable<number>): void {
  for (const paragraphIndex of paragraphIndices) {
    const before = slices.get(paragraphIndex);
    const heard = listeners.get(paragraphIndex);
    // Nobody listens: forget the slice; whoever asks next gets it made afresh.
    if (!heard || before === undefined) {
      forget(paragraphIndex);
      if (heard) for (const listener of heard) listener();
      continue;
    }
    const next = sliceFor(paragraphIndex);
    if (next.annotations === before.annotations && next.selectedId === before.selectedId) continue;
    slices.set(paragraphIndex, next);
    for (const listener of heard) listener();
  }
}

/** Where an id is looked for first: the paragraphs the selected annotation was last found in, and those the last edit touched. */
let selectedParagraphs: readonly number[] = [];
let touchedParagraphs: readonly number[] = [];

/** Whether `annotation` itself is in `list`, which is in reading order: only those starting where it starts are looked at. */
function listHolds(list: readonly DocumentAnnotation[], annotation: DocumentAnnotation): boolean {
  for (let at = partitionPoint(list.length, (index) => list[index].start < annotation.start); at < list.length && list[at].start === annotation.start; at++) {
    if (list[at] === annotation) return true;
  }
  return false;
}

/**
 * The annotation with this id in the index's current list. A tag key selects the annotation it
 * added and the selection moves from the one before: both are in a paragraph's slice near the
 * view, so they are looked for there first and checked against the list (#25: four scans of the
 * 10,000 annotations by id were a fifth of the key's own script on the 1 MB article).
 */
function annotationById(list: readonly DocumentAnnotation[], id: string): DocumentAnnotation | undefined {
  for (const paragraphIndex of [...touchedParagraphs, ...selectedParagraphs]) {
    const candidate = slices.get(paragraphIndex)?.annotations.find((annotation) => annotation.id === id);
    if (candidate && listHolds(list, candidate)) return candidate;
  }
  return list.find((candidate) => candidate.id === id);
}

/** The paragraphs holding an annotation, by its id, looked up in the index's current list. */
function paragraphsHolding(id: string | null): number[] {
  if (id === null || !index) return [];
  const annotation = annotationById(regroupTarget ?? index.annotations, id);
  if (!annotation) return [];
  const [first, last] = index.paragraphRange(annotation);
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}

/** Annotations grouped per step, and the time a task of steps may take before it yields. */
const ANNOTATIONS_PER_STEP = 2_000;
const TASK_BUDGET_MS = 8;
let building: ReturnType<typeof setTimeout> | undefined;

/**
 * Groups the annotations in tasks of about 8 ms, each telling the paragraphs whose groups became
 * final (#17: 100,000 annotations grouped in one go made a long task). The first task runs now:
 * the paragraphs at the article's start show their highlights with its first frame.
 */
function buildInTasks(grouping: ParagraphAnnotationIndex): void {
  clearTimeout(building);
  const began = performance.now();
  while (!grouping.complete && performance.now() - began < TASK_BUDGET_MS) notify(grouping.buildSome(ANNOTATIONS_PER_STEP));
  if (!grouping.complete) building = setTimeout(() => index === grouping && buildInTasks(grouping), 0);
}

/**
 * (#17) A change of more annotations than this regroups them in tasks, while the paragraphs
 * still show the groups from before it. The whole list adopted after an article was shown from
 * its first page (100,000 annotations, every one a new object) went through `update` in one
 * task, with the render of every paragraph drawn: 187 ms of CPU at load 9 (session 17).
 */
const REGROUPED_IN_TASKS_OVER = 5_000;
/**
 * Annotations the paragraphs told of the regrouped list in one task may hold (a paragraph
 * holding more is told alone): each is drawn again with its highlights, and a paragraph of the
 * bench article nests about 240 highlight elements for its 30 annotations.
 */
const ANNOTATIONS_TOLD_PER_TASK = 100;
/** The index being built for the list a large change brought, and the tasks building it or telling paragraphs of it. */
let regrouping: ParagraphAnnotationIndex | null = null;
let regroupTask: ReturnType<typeof setTimeout> | undefined;
/** The list the regrouped index is brought to when adopted: the large change's, then each edit's made meanwhile. */
let regroupTarget: readonly DocumentAnnotation[] | null = null;
/**
 * Groups of the paragraphs an edit touched while a large change is regrouped, taken from the
 * edited list: shown until the regrouped index, brought to that list, is adopted.
 */
const editedWhileRegrouping = new Map<number, readonly DocumentAnnotation[]>();

function largeChange(before: readonly DocumentAnnotation[], after: readonly DocumentAnnotation[]): boolean {
  if (Math.max(before.length, after.length) <= REGROUPED_IN_TASKS_OVER) return false;
  const { head, tail } = identicalEnds(before, after);
  return Math.max(before.length, after.length) - head - tail > REGROUPED_IN_TASKS_OVER;
}

function stopRegrouping(): void {
  clearTimeout(regroupTask);
  regrouping = null;
  regroupTarget = null;
  editedWhileRegrouping.clear();
}

/**
 * The regrouped index, brought to the edits made while it was built (a small change: it is
 * complete), becomes the one slices are read from; the paragraphs listened to are told in tasks
 * of `perTask` annotations.
 */
function adoptRegrouped(next: ParagraphAnnotationIndex, perTask: number): void {
  if (regroupTarget) next.update(regroupTarget);
  stopRegrouping();
  index = next;
  selectedParagraphs = paragraphsHolding(selectedId);
  touchedParagraphs = [];
  const waiting = [...listeners.keys()].sort((a, b) => a - b);
  const tell = () => {
    for (let told = 0; waiting.length > 0 && (told === 0 || told + next.group(waiting[0]).length <= perTask); ) {
      const paragraphIndex = waiting.shift() as number;
      told += Math.max(1, next.group(paragraphIndex).length);
      notify([paragraphIndex]);
    }
    if (waiting.length > 0 && index === next) regroupTask = setTimeout(tell, 0);
  };
  tell();
}

/** Groups `annotations` in tasks of about 8 ms (as buildInTasks), the groups from before shown meanwhile, then adopts them. */
function regroupInTasks(annotations: readonly DocumentAnnotation[]): void {
  const article = useArticleViewStore.getState().article;
  stopRegrouping();
  if (!article) return;
  const next = new ParagraphAnnotationIndex(piecesOf(article.paragraphs), annotations, { deferred: true });
  regrouping = next;
  regroupTarget = annotations;
  const step = () => {
    const began = performance.now();
    while (!next.complete && performance.now() - began < TASK_BUDGET_MS) next.buildSome(ANNOTATIONS_PER_STEP);
    if (next.complete) adoptRegrouped(next, ANNOTATIONS_TOLD_PER_TASK);
    else regroupTask = setTimeout(() => regrouping === next && step(), 0);
  };
  regroupTask = setTimeout(step, 0);
}

/**
 * The group of `paragraphIndex` in `list` (reading order kept), read from the whole list: the
 * regrouped index cannot answer before it is complete. A pass over 100,000 annotations with two
 * comparisons each, the exact test only for those near the paragraph.
 */
function groupFromList(grouping: ParagraphAnnotationIndex, paragraphIndex: number, list: readonly DocumentAnnotation[]): readonly DocumentAnnotation[] {
  const article = useArticleViewStore.getState().article;
  const piece = article ? piecesOf(article.paragraphs)[paragraphIndex] : undefined;
  if (!piece) return [];
  const group: DocumentAnnotation[] = [];
  for (const annotation of list) {
    if (annotation.start > piece.end || annotation.end < piece.start) continue;
    const [first, last] = grouping.paragraphRange(annotation);
    if (first <= paragraphIndex && paragraphIndex <= last) group.push(annotation);
  }
  return group;
}

/** The paragraphs holding an annotation that differs between the two lists (their middles past the identical ends). */
function paragraphsChanged(grouping: ParagraphAnnotationIndex, before: readonly DocumentAnnotation[], after: readonly DocumentAnnotation[]): number[] {
  const { head, tail } = identicalEnds(before, after);
  const touched = new Set<number>();
  for (const list of [before, after]) {
    for (const annotation of list.slice(head, list.length - tail)) {
      const [first, last] = grouping.paragraphRange(annotation);
      for (let paragraphIndex = first; paragraphIndex <= last; paragraphIndex++) touched.add(paragraphIndex);
    }
  }
  return [...touched].sort((a, b) => a - b);
}

/**
 * (#17) An edit (a tag key) while a large change is regrouped: the paragraphs it touched get
 * their groups from the edited list now, so the key's own render draws it, and the regrouping
 * goes on in its tasks, the edit applied to it when it is adopted. Finishing the grouping in
 * the key's task instead held the window for the rest of 100,000 annotations (about 1 s).
 */
function editWhileRegrouping(grouping: ParagraphAnnotationIndex, annotations: readonly DocumentAnnotation[]): void {
  const touched = paragraphsChanged(grouping, regroupTarget ?? grouping.annotations, annotations);
  const selectedBefore = paragraphsHolding(selectedId);
  regroupTarget = annotations;
  for (const paragraphIndex of touched) editedWhileRegrouping.set(paragraphIndex, groupFromList(grouping, paragraphIndex, annotations));
  selectedParagraphs = paragraphsHolding(selectedId);
  notify(new Set([...touched, ...selectedBefore, ...selectedParagraphs]));
  touchedParagraphs = touched;
}

/** Starts over for another article (or its annotations loaded afresh): every paragraph is told. */
function rebuild(): void {
  stopRegrouping();
  const article = useArticleViewStore.getState().article;
  const document = useDocumentStore.getState();
  selectedId = useArticleViewStore.getState().selectedAnnotationId;
  selectedParagraphs = [];
  touchedParagraphs = [];
  const pieces = article ? piecesOf(article.paragraphs) : [];
  clearTimeout(building);
  index = article && document.articleId === article.id ? new ParagraphAnnotationIndex(pieces, document.annotations, { deferred: true }) : null;
  slices.clear();
  for (const [paragraphIndex, heard] of listeners) {
    slices.set(paragraphIndex, sliceFor(paragraphIndex));
    for (const listener of heard) listener();
  }
  if (index) buildInTasks(index);
}

useArticleViewStore.subscribe((state, previous) => {
  // (#17) The article shown from its first page, finished (finishLoading): the same paragraphs,
  // so the groups stand; rebuilt, they re-rendered every paragraph drawn in the adoption's task.
  const sameParagraphs = state.article?.id === previous.article?.id && state.article?.paragraphs === previous.article?.paragraphs;
  if (state.article !== previous.article && !sameParagraphs) {
    rebuild();
    return;
  }
  if (state.selectedAnnotationId === previous.selectedAnnotationId) return;
  const before = paragraphsHolding(selectedId);
  selectedId = state.selectedAnnotationId;
  selectedParagraphs = paragraphsHolding(selectedId);
  notify(new Set([...before, ...selectedParagraphs]));
});

useDocumentStore.subscribe((state, previous) => {
  if (state.articleId !== previous.articleId || !index) {
    rebuild();
    return;
  }
  if (state.annotations === previous.annotations) return;
  if (regrouping) {
    if (largeChange(regroupTarget ?? regrouping.annotations, state.annotations)) return regroupInTasks(state.annotations);
    return editWhileRegrouping(regrouping, state.annotations);
  }
  if (largeChange(index.annotations, state.annotations)) return regroupInTasks(state.annotations);
  // The selected annotation may have moved to other paragraphs (an undo) or gone: tell both places.
  const selectedBefore = paragraphsHolding(selectedId);
  const touched = index.update(state.annotations);
  selectedParagraphs = paragraphsHolding(selectedId);
  notify(new Set([...touched, ...selectedBefore, ...selectedParagraphs]));
  touchedParagraphs = touched;
});

function subscribe(paragraphIndex: number, listener: () => void): () => void {
  let set = listeners.get(paragraphIndex);
  if (!set) listeners.set(paragraphIndex, (set = new Set()));
  set.add(listener);
  return () => {
    set.delete(listener);
    if (set.size > 0) return;
    listeners.delete(paragraphIndex);
    // After the commit: a paragraph drawn again in the same commit subscribes before then and keeps its slice (no second render).
    queueMicrotask(() => {
      if (!listeners.has(paragraphIndex)) forget(paragraphIndex);
    });
  };
}

/** The annotations and selection one paragraph shows; re-renders only when they change. */
export function useParagraphSlice(paragraphIndex: number): ParagraphSlice {
  const subscribeToParagraph = useCallback((listener: () => void) => subscribe(paragraphIndex, listener), [paragraphIndex]);
  const snapshot = useCallback(() => sliceOf(paragraphIndex), [paragraphIndex]);
  return useSyncExternalStore(subscribeToParagraph, snapshot);
}
