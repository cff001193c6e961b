import type { DocumentAnnotation } from '../../../../shared/anchoring/documentAnnotation';

/** WCAG 2 relative luminance of an sRGB colour given as #rrggbb or #rgb; null for anything else. */
export function relativeLuminance(color: string): number | null {
  const rgb = parseHexColor(color);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two luminances (1 to 21). */
export function contrastRatio(first: number, second: number): number {
  const [light, dark] = first > second ? [first, second] : [second, first];
  return (light + 0.05) / (dark + 0.05);
}

function parseHexColor(color: string): [number, number, number] | null {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(color);
  if (short) return [parseInt(short[1] + short[1], 16), parseInt(short[2] + short[2], 16), parseInt(short[3] + short[3], 16)];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  return long ? [parseInt(long[1], 16), parseInt(long[2], 16), parseInt(long[3], 16)] : null;
}

const BLACK_INK = '#000000';
const WHITE_INK = '#ffffff';

/**
 * The text colour of a label chip drawn in `tagColor`: black or white, whichever contrasts more.
 * One of the two always reaches at least 4.58:1 on any opaque colour, so every chip meets
 * WCAG AA (4.5:1) in both themes: the chip carries its own background.
 */
export function labelInkFor(tagColor: string): string {
  const luminance = relativeLuminance(tagColor);
  if (luminance === null) return BLACK_INK;
  return contrastRatio(luminance, 0) >= contrastRatio(luminance, 1) ? BLACK_INK : WHITE_INK;
}

/** True when the annotation carries a note or attributes: its label shows a mark for them. */
export function hasDetails(annotation: Pick<DocumentAnnotation, 'note' | 'attributes'>): boolean {
  return Boolean(annotation.note?.trim()) || Object.keys(annotation.attributes ?? {}).length > 0;
}

/**
 * The attributes a highlight's first piece carries for its label: the text of the chip, the
 * details mark, and the type for screen readers (the chip itself is decoration).
 */
export function labelAttributes(annotation: Pick<DocumentAnnotation, 'note' | 'attributes'>, label: string, isFirst: boolean): Record<string, string | undefined> {
  return {
    'data-label': isFirst ? label : undefined,
    'data-has-details': hasDetails(annotation) ? '' : undefined,
    'aria-description': isFirst ? label : undefined,
  };
}
