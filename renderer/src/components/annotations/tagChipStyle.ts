import type { CSSProperties } from 'react';
import { labelInkFor } from '../article/labelChips';

/**
 * A tag chip outside the article (annotation list, suggestions, conflicts): the tag colour as
 * its background and black or white ink, whichever reads at WCAG AA (4.5:1), as the article's
 * label chips do; a light yellow or lavender tag stays readable in both themes.
 */
export function tagChipStyle(color: string): CSSProperties {
  return { ['--tag-color' as string]: color, ['--tag-ink' as string]: labelInkFor(color) };
}
