/**
 * Annotator names become file names: `NAME.annotators/ANNOTATOR.ann.json`. A name is
 * accepted only when it is safe as one file name on Windows, macOS and Linux, because corpora
 * travel between them. Persian and other scripts, ZWNJ and inner spaces are kept; nothing is
 * rewritten except Unicode NFC normalization (macOS stores decomposed names, and a name typed
 * twice must land in the same file) and trimming of outer spaces.
 */
export type CheckedAnnotatorName = { ok: true; name: string } | { ok: false; reason: string };

/** Bytes of the name in UTF-8; with `.ann.json` (and a backup's `.bak`) it must fit a 255-byte file name. */
export const MAX_ANNOTATOR_NAME_BYTES = 200;

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;
// C0 and C1 controls, DEL; bidi embeddings, overrides and isolates (they make a name display
// as something else: «abc» may really be «cba»); line and paragraph separators.
const FORBIDDEN_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;
const PATH_OR_WINDOWS_CHARACTERS = /[/\\:*?"<>|]/;

export function checkAnnotatorName(raw: string): CheckedAnnotatorName {
  const name = raw.normalize('NFC').trim();
  if (name.length === 0) return { ok: false, reason: 'The annotator name is empty.' };
  if (FORBIDDEN_CHARACTERS.test(name)) return { ok: false, reason: 'The annotator name contains control or text-direction characters.' };
  if (PATH_OR_WINDOWS_CHARACTERS.test(name)) return { ok: false, reason: 'The annotator name may not contain / \\ : * ? " < > |.' };
  if (name.includes('..')) return { ok: false, reason: 'The annotator name may not contain "..".' };
  if (name.startsWith('.')) return { ok: false, reason: 'The annotator name may not start with "." (hidden file).' };
  if (name.endsWith('.')) return { ok: false, reason: 'The annotator name may not end with "." (Windows drops it).' };
  if (WINDOWS_RESERVED.test(name)) return { ok: false, reason: `"${name}" is a reserved device name on Windows.` };
  if (utf8Length(name) > MAX_ANNOTATOR_NAME_BYTES) {
    return { ok: false, reason: `The annotator name is longer than ${MAX_ANNOTATOR_NAME_BYTES} bytes.` };
  }
  return { ok: true, name };
}

/** UTF-8 length in bytes (shared/ has no TextEncoder type: it targets no particular runtime). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (const character of text) {
    const code = character.codePointAt(0) as number;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
