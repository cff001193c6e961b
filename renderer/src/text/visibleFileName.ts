/**
 * File names come from strangers' corpora. A name holding a bidirectional override such as
 * U+202E («invoice‮txt.exe» shows as «invoiceexe.txt») or a line break could make the file
 * list show something other than the file. Such characters are replaced by a visible escape
 * (⟨U+202E⟩), and the list isolates each name (<bdi>) so it cannot reorder its neighbours.
 * Persian's ZWNJ (U+200C) and ZWJ (U+200D) shape letters and are kept as they are.
 */

/**
 * Bidi embeddings, overrides, isolates and marks (including Arabic letter mark U+061C); C0
 * and C1 controls; invisible separators and spaces that hide where a name ends (ZWSP, word
 * joiner and invisible operators, BOM, line and paragraph separators); tag characters.
 */
const HIDDEN_OR_REORDERING = /[\u0000-\u001f\u007f-\u009f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2069\ufeff\u{e0000}-\u{e007f}]/gu;

function escapeCodePoint(character: string): string {
  const codePoint = character.codePointAt(0) ?? 0;
  return `⟨U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}⟩`;
}

/** The name as it should be shown: every hidden or reordering character made visible. */
export function visibleFileName(name: string): string {
  return name.replace(HIDDEN_OR_REORDERING, escapeCodePoint);
}

export interface FileNamePart {
  text: string;
  /** True for the escape of a hidden or reordering character, which is shown left to right on its own. */
  escaped: boolean;
}

/**
 * The name cut into runs of ordinary text and escapes, so the list can isolate each escape
 * left to right: ⟨U+2067⟩ beside Persian letters would otherwise have its brackets mirrored
 * and pulled into the right-to-left run.
 */
export function fileNameParts(name: string): FileNamePart[] {
  const parts: FileNamePart[] = [];
  let last = 0;
  for (const match of name.matchAll(HIDDEN_OR_REORDERING)) {
    const index = match.index ?? 0;
    if (index > last) parts.push({ text: name.slice(last, index), escaped: false });
    parts.push({ text: escapeCodePoint(match[0]), escaped: true });
    last = index + match[0].length;
  }
  if (last < name.length) parts.push({ text: name.slice(last), escaped: false });
  return parts;
}

/** True when showing the name as-is could mislead (so the list can also flag it). */
export function hasHiddenCharacters(name: string): boolean {
  return new RegExp(HIDDEN_OR_REORDERING.source, 'u').test(name);
}
