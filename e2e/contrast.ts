/**
 * WCAG 2 contrast between two computed CSS colours (`rgb(r, g, b)` or `rgba(…)` as
 * getComputedStyle gives them), computed in the test process: page.evaluate returns the
 * colours, so the formula lives once for every spec.
 */
function channel(value: number): number {
  const scaled = value / 255;
  return scaled <= 0.03928 ? scaled / 12.92 : ((scaled + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).map(Number);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio (1 to 21) of ink on a background. */
export function contrastRatio(ink: string, background: string): number {
  const [light, dark] = [relativeLuminance(background), relativeLuminance(ink)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}
