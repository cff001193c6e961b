/** A line of a source file without its line end, with its 1-based number. */
export interface SourceLine {
  number: number;
  text: string;
}

/**
 * Splits a text file into lines: a leading BOM is dropped and CRLF, lone CR and LF all end a
 * line, so files written on Windows or old Macs read the same. A final line end does not
 * start an extra empty line.
 */
export function splitSourceLines(content: string): SourceLine[] {
  const body = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const parts = body.split(/\r\n|\r|\n/);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((text, index) => ({ number: index + 1, text }));
}

/** Bidirectional formatting marks that some corpora scatter around tokens and tags. */
const BIDI_MARKS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

export function removeBidiMarks(text: string): string {
  return text.replace(BIDI_MARKS, '');
}

/** True for a line holding nothing but white space and bidi marks (a sentence separator). */
export function isBlankLine(text: string): boolean {
  return removeBidiMarks(text).trim() === '';
}
