import { describe, expect, it } from 'vitest';
import { defaultTagSet } from '../../../../shared/model/tagSet';
import { contrastRatio, hasDetails, labelInkFor, relativeLuminance } from './labelChips';

describe('label chips', () => {
  it('pick black or white text that reaches WCAG AA on every default tag colour', () => {
    for (const type of defaultTagSet().types) {
      const background = relativeLuminance(type.color);
      const ink = relativeLuminance(labelInkFor(type.color));
      expect(background).not.toBeNull();
      expect(contrastRatio(background ?? 0, ink ?? 0)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('reach 4.5:1 on the hardest colours: yellow, lavender, olive and mid grey', () => {
    for (const color of ['#ffe119', '#dcbeff', '#808000', '#777777', '#767676', '#0af']) {
      const ratio = contrastRatio(relativeLuminance(color) ?? 0, relativeLuminance(labelInkFor(color)) ?? 0);
      expect(ratio, color).toBeGreaterThanOrEqual(4.5);
    }
    expect(labelInkFor('#ffe119')).toBe('#000000');
    expect(labelInkFor('#000075')).toBe('#ffffff');
  });

  it('mark spans with a note or attributes, not empty ones', () => {
    expect(hasDetails({ note: 'see source' })).toBe(true);
    expect(hasDetails({ attributes: { negated: true } })).toBe(true);
    expect(hasDetails({ note: '  ', attributes: {} })).toBe(false);
    expect(hasDetails({})).toBe(false);
  });
});
