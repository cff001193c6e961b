import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export interface DecodedArticle {
  /** Decoded, BOM removed, CRLF and CR turned into LF; nothing else changed. */
  text: string;
  encoding: string;
  /** True when nothing in the bytes proved the encoding (no BOM, not valid UTF-8). */
  guessed: boolean;
  /** SHA-256 of the file's bytes, as recorded in the annotation file. */
  sha256: string;
}

export class UnreadableArticleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableArticleError';
  }
}

/** Names recorded in `DecodedArticle.encoding` and in the annotation file's `source.encoding`. */
export const ENCODING_UTF8 = 'utf-8';
export const ENCODING_UTF8_BOM = 'utf-8-bom';
export const ENCODING_UTF16LE = 'utf-16le';
export const ENCODING_UTF16BE = 'utf-16be';
export const ENCODING_WINDOWS_1256 = 'windows-1256';

/** How many leading bytes the binary sniff and the legacy-encoding detector look at. */
export const SNIFF_LENGTH = 8192;
/** How many leading bytes are checked for a share of control characters. */
const CONTROL_WINDOW_LENGTH = 1024;
const DETECTION_SAMPLE_LENGTH = 64 * 1024;
/** Below this jschardet confidence a detection is treated as uncertain. */
const CONFIDENT_DETECTION = 0.5;

// `ignoreBOM: true` keeps a U+FEFF in the output: the BOM is removed by slicing its bytes,
// so a ZERO WIDTH NO-BREAK SPACE that is part of the text is never lost.
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const strictUtf16le = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const strictUtf16be = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

type ByteOrderMark = typeof ENCODING_UTF8_BOM | typeof ENCODING_UTF16LE | typeof ENCODING_UTF16BE;

function byteOrderMarkOf(bytes: Uint8Array): { encoding: ByteOrderMark; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: ENCODING_UTF8_BOM, length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: ENCODING_UTF16LE, length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: ENCODING_UTF16BE, length: 2 };
  return null;
}

/** File signatures of formats people drop into article folders by mistake. */
const KNOWN_BINARY_SIGNATURES: ReadonlyArray<{ name: string; signature: readonly number[] }> = [
  { name: 'a PDF document', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or a Word/OpenDocument file)', signature: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', signature: [0x1f, 0x8b] },
  { name: 'a PNG image', signature: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', signature: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', signature: [0x47, 0x49, 0x46, 0x38] },
  { name: 'an old Microsoft Office document', signature: [0xd0, 0xcf, 0x11, 0xe0] },
];

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/**
 * Why the leading bytes of a file cannot be an article, or null when they may be. Looks only
 * at the first `SNIFF_LENGTH` bytes, so the corpus listing can call it for every file cheaply;
 * a head cut in the middle of a character is not held against the file.
 */
export function sniffUnreadableReason(head: Uint8Array): string | null {
  const sample = head.subarray(0, SNIFF_LENGTH);
  const mark = byteOrderMarkOf(sample);
  if (mark) {
    // Streaming mode tolerates a character cut off at the end of the sample.
    const label = mark.encoding === ENCODING_UTF8_BOM ? 'utf-8' : mark.encoding;
    try {
      new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(sample.subarray(mark.length), { stream: true });
      return null;
    } catch {
      const name = mark.encoding === ENCODING_UTF8_BOM ? 'UTF-8' : mark.encoding.toUpperCase();
      return `The file starts with a ${name} byte-order mark but the rest is not valid ${name}.`;
    }
  }
  const signature = KNOWN_BINARY_SIGNATURES.find((candidate) => startsWith(sample, candidate.signature));
  if (signature) return `The file is ${signature.name}, not text.`;
  // indexOf runs natively: a byte-by-byte JavaScript loop over 8 KB costs the listing of a
  // 10,000-article corpus most of its time budget.
  if (sample.indexOf(0) !== -1) return 'The file looks binary (it holds NUL bytes), not text; a UTF-16 file needs a byte-order mark.';
  const window = sample.subarray(0, CONTROL_WINDOW_LENGTH);
  let controls = 0;
  for (let index = 0; index < window.length; index++) {
    const byte = window[index];
    // Tab, LF, VT, FF, CR and ESC occur in text files; other C0 controls do not.
    if (byte < 0x20 && (byte < 0x09 || (byte > 0x0d && byte !== 0x1b))) controls++;
  }
  if (window.length > 0 && controls / window.length > 0.1) return 'The file looks binary (it is full of control bytes), not text.';
  return null;
}

/** Legacy encodings that write Arabic script; Persian files labelled with any of them are Windows-1256 in practice. */
const ARABIC_SCRIPT_ENCODINGS = new Set(['windows-1256', 'iso-8859-6', 'cp864', 'cp720', 'cp1006']);

function isArabicScript(codePoint: number): boolean {
  return (codePoint >= 0x0600 && codePoint <= 0x06ff) || (codePoint >= 0xfb50 && codePoint <= 0xfeff) || codePoint === 0x200c;
}

/** Share of the non-ASCII characters that Windows-1256 turns into Arabic-script characters. */
function arabicShareAsWindows1256(bytes: Uint8Array): number {
  const decoded = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), ENCODING_WINDOWS_1256);
  let nonAscii = 0;
  let arabic = 0;
  for (const character of decoded) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint < 0x80) continue;
    nonAscii++;
    if (isArabicScript(codePoint)) arabic++;
  }
  return nonAscii === 0 ? 0 : arabic / nonAscii;
}

/**
 * Picks a legacy encoding for bytes that are not UTF-8. jschardet decides when it is sure; when
 * it is not (typically a short file) the best guess is Windows-1256 if that reads as Arabic
 * script, since that is what Persian and Arabic legacy files are written in, else jschardet's pick.
 */
function guessLegacyEncoding(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, DETECTION_SAMPLE_LENGTH);
  const candidates = jschardet
    .detectAll(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength))
    .map((candidate) => ({ encoding: (candidate.encoding ?? '').toLowerCase(), confidence: candidate.confidence }))
    .filter((candidate) => candidate.encoding !== '' && iconv.encodingExists(candidate.encoding));
  const best = candidates[0];
  if (best && ARABIC_SCRIPT_ENCODINGS.has(best.encoding)) return ENCODING_WINDOWS_1256;
  if (best && best.confidence >= CONFIDENT_DETECTION) return best.encoding;
  if (arabicShareAsWindows1256(sample) >= 0.5) return ENCODING_WINDOWS_1256;
  return best?.encoding ?? ENCODING_WINDOWS_1256;
}

/** Decodes with iconv-lite, refusing bytes the encoding does not define (they come out as U+FFFD). */
function decodeLegacy(bytes: Uint8Array, encoding: string): string {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: false });
  const undefinedBytes = text.match(/\uFFFD/g)?.length ?? 0;
  if (undefinedBytes > 0) {
    throw new UnreadableArticleError(`The file is not UTF-8, and as ${encoding} (the best guess) ${undefinedBytes} of its bytes mean nothing.`);
  }
  return text;
}

function decodeBytes(bytes: Uint8Array): { raw: string; encoding: string; guessed: boolean } {
  const mark = byteOrderMarkOf(bytes);
  if (mark) {
    const body = bytes.subarray(mark.length);
    const decoder = mark.encoding === ENCODING_UTF8_BOM ? strictUtf8 : mark.encoding === ENCODING_UTF16LE ? strictUtf16le : strictUtf16be;
    try {
      return { raw: decoder.decode(body), encoding: mark.encoding, guessed: false };
    } catch {
      const name = mark.encoding === ENCODING_UTF8_BOM ? 'UTF-8' : mark.encoding.toUpperCase();
      throw new UnreadableArticleError(`The file starts with a ${name} byte-order mark but the rest is not valid ${name}.`);
    }
  }
  const binaryReason = sniffUnreadableReason(bytes);
  if (binaryReason) throw new UnreadableArticleError(binaryReason);
  try {
    return { raw: strictUtf8.decode(bytes), encoding: ENCODING_UTF8, guessed: false };
  } catch {
    // Not UTF-8: a legacy single-byte encoding, which the bytes never prove.
  }
  const encoding = guessLegacyEncoding(bytes);
  return { raw: decodeLegacy(bytes, encoding), encoding, guessed: true };
}

/**
 * Turns an article file's bytes into the document text. Throws UnreadableArticleError, with
 * the reason, for binary files and bytes that no supported encoding reads.
 */
export function decodeArticle(bytes: Uint8Array): DecodedArticle {
  const { raw, encoding, guessed } = decodeBytes(bytes);
  return {
    text: normalizeLineEnds(raw),
    encoding,
    guessed,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
