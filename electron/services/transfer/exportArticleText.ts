import { decodeArticle, normalizeLineEnds, sniffUnreadableReason, type DecodeOptions } from '../article/articleDecoder';
import { decodeUtf8Strictly } from '../article/strictUtf8';

/**
 * (#25) An article's text for an export: what `decodeArticle(bytes, { record }).text` gives,
 * without hashing the bytes when the answer cannot depend on the hash.
 *
 * decodeArticle hashes the bytes to decide whether to follow the annotation file's encoding
 * record (same SHA-256) or to detect the encoding. For bytes that are valid UTF-8 without a
 * byte-order mark and that the binary sniff lets through, with a record that is absent or
 * names UTF-8, both ways give the same text: the record decodes them as UTF-8, and detection
 * finds valid UTF-8 and decodes them as UTF-8 too. Every other case (a BOM, invalid bytes,
 * a legacy encoding recorded, bytes that look binary) goes through decodeArticle itself.
 * exportArticleText.test.ts holds the two to the same text.
 */

const UTF8_NAMES: ReadonlySet<string> = new Set(['utf-8', 'utf-8-bom']);

function startsWithByteOrderMark(bytes: Uint8Array): boolean {
  // UTF-8's EF BB BF reads as valid UTF-8 (U+FEFF); UTF-16's FE FF and FF FE never do.
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The document text of an article's bytes, decoded as decodeArticle decodes them with `record`. Throws as decodeArticle does. */
export function exportArticleText(bytes: Uint8Array, record: DecodeOptions['record']): string {
  const utf8Record = record == null || UTF8_NAMES.has(record.encoding.toLowerCase());
  if (utf8Record && !startsWithByteOrderMark(bytes) && sniffUnreadableReason(bytes) === null) {
    // Not valid UTF-8 (null): detection or the record decides, as decodeArticle does. No mark here, so none to keep or drop.
    const text = decodeUtf8Strictly(bytes, 'keep');
    if (text !== null) return normalizeLineEnds(text);
  }
  return decodeArticle(bytes, { record }).text;
}
