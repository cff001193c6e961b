import type { ChipDrawing } from './chipLayer';

/** A label chip's box in viewport pixels. */
export interface LabelBox {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Rows a chip may climb above its text; higher ones would reach the line above's own chips. */
const MAX_LABEL_ROW = 2;
/** Space kept between two chips, in pixels. */
const GAP_PX = 2;
/** The chip's row step and box height, in ems of its own font (styles.css: .label-chip). */
const ROW_STEP_EM = 1.25;
const BOX_HEIGHT_EM = 1.2;
const PADDING_EM = 0.3;
/** A chip shorter than this many ems says nothing: it is hidden, and the hover title names the type. */
const SHORTEST_CHIP_EM = 2.4;

export function boxesIntersect(first: LabelBox, second: LabelBox): boolean {
  return first.left < second.right + GAP_PX && second.left < first.right + GAP_PX && first.top < second.bottom && second.top < first.bottom;
}

interface ChipRequest {
  /** Where the highlight starts: its first box's right edge in right-to-left text, left edge otherwise. */
  anchorX: number;
  textTop: number;
  rtl: boolean;
  width: number;
}

export type ChipPlacement = { row: number; maxWidth: number | null } | { hidden: true };

function chipBox(request: ChipRequest, row: number, width: number, fontSize: number): LabelBox {
  const top = request.textTop - ROW_STEP_EM * fontSize * (row + 1);
  const left = request.rtl ? request.anchorX - width : request.anchorX;
  return { left, right: left + width, top, bottom: top + BOX_HEIGHT_EM * fontSize };
}

/**
 * Places chips in reading order: each takes the lowest row where it meets no chip placed before;
 * when every row is taken it is shortened on the lowest row to the room before its neighbour,
 * or hidden when that room is too small for a word. `placed` grows with the boxes taken.
 */
export function placeChip(request: ChipRequest, fontSize: number, placed: LabelBox[]): ChipPlacement {
  for (let row = 0; row <= MAX_LABEL_ROW; row++) {
    const box = chipBox(request, row, request.width, fontSize);
    if (!placed.some((other) => boxesIntersect(box, other))) {
      placed.push(box);
      return { row, maxWidth: null };
    }
  }
  let room = request.width;
  const lowest = chipBox(request, 0, request.width, fontSize);
  for (const other of placed) {
    if (!boxesIntersect(lowest, other)) continue;
    const distance = request.rtl ? request.anchorX - other.right : other.left - request.anchorX;
    room = Math.min(room, distance - GAP_PX * 2);
  }
  if (room < SHORTEST_CHIP_EM * fontSize) return { hidden: true };
  const box = chipBox(request, 0, room, fontSize);
  if (placed.some((other) => boxesIntersect(box, other))) return { hidden: true };
  placed.push(box);
  return { row: 0, maxWidth: room };
}

let measuringContext: CanvasRenderingContext2D | null = null;

/** Chip texts measured, per font: a chunk's chips repeat a handful of type names. */
const measuredWidths = new Map<string, Map<string, number>>();

function textWidth(text: string, font: string): number {
  let widths = measuredWidths.get(font);
  if (!widths) {
    widths = new Map();
    measuredWidths.set(font, widths);
  }
  const known = widths.get(text);
  if (known !== undefined) return known;
  measuringContext ??= document.createElement('canvas').getContext('2d');
  if (!measuringContext) return text.length * 8;
  // Setting a canvas font parses it: done only when it is another font.
  if (measuringContext.font !== font) measuringContext.font = font;
  const width = measuringContext.measureText(text).width;
  widths.set(text, width);
  return width;
}

/** The chips' font. */
export interface ChipFont {
  size: number;
  css: string;
}

/** As in styles.css (.label-chip): the chips' font size is this many ems of the article's, at least the minimum. */
const CHIP_FONT_EM = 0.58;
const CHIP_FONT_MIN_PX = 11;
const CHIP_FONT_WEIGHT = 700;

/** The font of the chips drawn over the article `root`, from its own font (one style read, no chip needed). */
export function chipFontOf(root: Element): ChipFont {
  const style = getComputedStyle(root);
  const size = Math.max(CHIP_FONT_MIN_PX, CHIP_FONT_EM * (parseFloat(style.fontSize) || 19));
  return { size, css: `${CHIP_FONT_WEIGHT} ${size}px ${style.fontFamily}` };
}

/** A chunk's chips as read from the page, ready to be placed without reading it again. */
export type ChunkChips = (ChipRequest & Pick<ChipDrawing, 'key' | 'label' | 'type'>)[];

/**
 * Reads the boxes of the chips of one paragraph (or of all of `chunk`'s) in viewport pixels:
 * every read before any write. A chip's key is its paragraph, its annotation and which of that
 * annotation's pieces in the paragraph it labels (a discontinuous span has one in each piece).
 */
export function readChunkChips(chunk: Element, font: ChipFont): ChunkChips {
  const requests: ChunkChips = [];
  const directions = new Map<Element, boolean>();
  for (const { mark, paragraph, key, label, type } of chipMarks(chunk)) {
    const first = mark.getClientRects()[0];
    if (!first) continue;
    let rtl = directions.get(paragraph);
    if (rtl === undefined) {
      rtl = getComputedStyle(paragraph).direction === 'rtl';
      directions.set(paragraph, rtl);
    }
    const width = Math.ceil(textWidth(label, font.css) + 2 * PADDING_EM * font.size) + 1;
    requests.push({ key, label, type, anchorX: rtl ? first.right : first.left, textTop: first.top, rtl, width });
  }
  return requests;
}

/** A highlight that carries a chip, with what its chip says: read from the DOM alone, no layout. */
interface ChipMark {
  mark: HTMLElement;
  paragraph: Element;
  key: string;
  label: string;
  type: string;
}

/** The highlights of `chunk` (or of one paragraph) that carry a chip, in reading order. */
export function chipMarks(chunk: Element): ChipMark[] {
  const marks: ChipMark[] = [];
  const pieces = new Map<string, number>();
  for (const mark of chunk.querySelectorAll<HTMLElement>('mark.hl-first[data-label]')) {
    const paragraph = mark.closest('p') ?? chunk;
    const label = (mark.dataset.label ?? '') + (mark.hasAttribute('data-has-details') ? ' ✎' : '');
    const id = `${(paragraph as HTMLElement).dataset.offset ?? ''}/${mark.dataset.annotationId ?? ''}`;
    const piece = pieces.get(id) ?? 0;
    pieces.set(id, piece + 1);
    marks.push({ mark, paragraph, key: `${id}/${piece}`, label, type: mark.dataset.entityType ?? '' });
  }
  return marks;
}

/** The widest a chip is drawn, in ems of its font (styles.css showed 14em before it was cut). */
const WIDEST_CHIP_EM = 14;

/**
 * Lifts, shortens or hides the chips read from one chunk so that none overlaps another, nor
 * any of `obstacles` (the chips already placed in the chunks beside it, in viewport pixels).
 * Returns the boxes its chips took, in viewport pixels, and how to draw those shown, relative
 * to `origin` (the chunk's top-left corner).
 */
export function placeChunkChips(chips: ChunkChips, font: ChipFont, obstacles: readonly LabelBox[], origin: { left: number; top: number }): { boxes: LabelBox[]; drawings: ChipDrawing[] } {
  const placed: LabelBox[] = [...obstacles];
  const drawings: ChipDrawing[] = [];
  for (const { key, label, type, ...request } of chips) {
    const placement = placeChip(request, font.size, placed);
    if ('hidden' in placement) continue;
    const widest = WIDEST_CHIP_EM * font.size;
    const maxWidth = placement.maxWidth !== null ? Math.floor(placement.maxWidth) : request.width - 1 > widest ? widest : null;
    const top = request.textTop - ROW_STEP_EM * font.size * (placement.row + 1) - origin.top;
    drawings.push({ key, label, type, rtl: request.rtl, anchorX: request.anchorX - origin.left, top, row: placement.row, maxWidth });
  }
  return { boxes: placed.slice(obstacles.length), drawings };
}

/** How far above its text a chip may reach, in pixels: chunks further apart cannot overlap. */
export function chipReach(font: ChipFont): number {
  return ROW_STEP_EM * font.size * (MAX_LABEL_ROW + 1) + BOX_HEIGHT_EM * font.size;
}
