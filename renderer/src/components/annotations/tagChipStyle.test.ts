import { describe, expect, it } from 'vitest';
import { contrastRatio, relativeLuminance } from '../article/labelChips';
import { tagChipStyle } from './tagChipStyle';

describe('tagChipStyle', () => {
  it('gives every tag colour an ink that reads at WCAG AA (4.5:1) on it', () => {
    for (const color of ['#ffeb3b', '#e6e6fa', '#808000', '#1f77b4', '#000000', '#ffffff', '#ff7f0e', '#9467bd', '#17becf', '#bcbd22', '#888']) {
      const style = tagChipStyle(color) as Record<string, string>;
      expect(style['--tag-color']).toBe(color);
      const ratio = contrastRatio(relativeLuminance(color) as number, relativeLuminance(style['--tag-ink']) as number);
      expect(ratio, `${color} with ${style['--tag-ink']}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('writes on a light colour in black and on a dark one in white', () => {
    expect((tagChipStyle('#ffeb3b') as Record<string, string>)['--tag-ink']).toBe('#000000');
    expect((tagChipStyle('#1a237e') as Record<string, string>)['--tag-ink']).toBe('#ffffff');
  });
});
