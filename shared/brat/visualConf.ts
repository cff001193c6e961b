import type { TagTypeInput } from '../model/tagSet';

/**
 * brat's `visual.conf`: how types are named and drawn. `[labels]` lines are
 * `Type | Full name | Abbr...`; `[drawing]` lines are `Type<whitespace>key:value, key:value`
 * (bgColor, fgColor, borderColor, ...). Used to give a brat corpus's tag palette the names and
 * colours its annotators know from brat.
 */
export interface VisualConf {
  /** Display forms per type, full form first (the type's own name is not repeated). */
  labels: Map<string, string[]>;
  /** Drawing options per type (`SPAN_DEFAULT` and friends included). */
  drawing: Map<string, Record<string, string>>;
}

export function parseVisualConf(content: string): VisualConf {
  const visual: VisualConf = { labels: new Map(), drawing: new Map() };
  let section: 'labels' | 'drawing' | null = null;
  const text = content.startsWith('\uFEFF') ? content.slice(1) : content;
  for (const line of text.split(/\r\n|\n|\r/)) {
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const header = /^\s*\[([^\]]*)\]\s*$/.exec(line);
    if (header) {
      const name = header[1].trim().toLowerCase();
      section = name === 'labels' || name === 'drawing' ? name : null;
      continue;
    }
    if (section === 'labels') {
      const [type, ...forms] = line.split('|').map((part) => part.trim());
      if (type) visual.labels.set(type, forms.filter((form) => form !== ''));
    } else if (section === 'drawing') {
      const match = /^\s*(\S+)\s+(.*)$/.exec(line);
      if (!match) continue;
      const options: Record<string, string> = {};
      for (const pair of match[2].split(',')) {
        const colon = pair.indexOf(':');
        if (colon > 0) options[pair.slice(0, colon).trim()] = pair.slice(colon + 1).trim();
      }
      visual.drawing.set(match[1], options);
    }
  }
  return visual;
}

/** CSS colour names brat configurations use, as the tag set's `#rrggbb`. */
const NAMED_COLOURS: Record<string, string> = {
  black: '#000000', white: '#ffffff', gray: '#808080', grey: '#808080', lightgray: '#d3d3d3', lightgrey: '#d3d3d3',
  red: '#ff0000', green: '#008000', lightgreen: '#90ee90', blue: '#0000ff', lightblue: '#add8e6', yellow: '#ffff00',
  orange: '#ffa500', pink: '#ffc0cb', violet: '#ee82ee', purple: '#800080', brown: '#a52a2a', cyan: '#00ffff',
  magenta: '#ff00ff', gold: '#ffd700', navy: '#000080', teal: '#008080', olive: '#808000', maroon: '#800000',
};

/** A brat colour (`#abc`, `#aabbcc`, a CSS name) as `#rrggbb`, or null when it is something else. */
export function normalizeColour(colour: string): string | null {
  const value = colour.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(value)) return value;
  if (/^#[0-9a-f]{3}$/.test(value)) return `#${[...value.slice(1)].map((digit) => digit + digit).join('')}`;
  return NAMED_COLOURS[value] ?? null;
}

/**
 * Adds brat's full display name (as the English label) and background colour to tag types that
 * have none. `SPAN_DEFAULT` is not used: one colour for every other type would make them
 * indistinguishable, so those keep the palette's colours.
 */
export function withVisualConf<T extends Pick<TagTypeInput, 'id' | 'label' | 'color'>>(types: readonly T[], visual: VisualConf): T[] {
  return types.map((type) => {
    const result: T = { ...type };
    const fullName = visual.labels.get(type.id)?.[0];
    if (fullName && !type.label?.en) result.label = { ...type.label, en: fullName };
    const colour = normalizeColour(visual.drawing.get(type.id)?.bgColor ?? '');
    if (!type.color && colour) result.color = colour;
    return result;
  });
}
