import { createHash } from 'node:crypto';
import { isNearlyUtf8, MAX_INVALID_SHARE, readsAsWords, readWords, scanUtf8 } from './decodingEvidence';
import { encodingDetector, iconvLite } from './legacyEncodings';

export interface DecodedArticle {
  /** Decoded, BOM removed, CRLF and CR turned into LF; nothing else changed. */
  text: string;
  encoding: string;
  /** True when nothing in the bytes proved the encoding (no BOM, not valid UTF-8). */
  guessed: boolean;
  /** SHA-256 of the file's bytes, as recorded in the annotation file (the bytes, whatever the encoding). */
  sha256: string;
  /** Bytes the encoding does not read (invalid UTF-8 or UTF-16, bytes a legacy encoding leaves undefined). */
  invalidBytes: number;
  /** U+FFFD characters put in their place (one per invalid sequence); 0 when every byte was read. */
  replacements: number;
  /** True when the encoding was the user's choice (`decodeArticle`'s `encoding`, or a recorded choice), not detected. */
  chosen: boolean;
  /**
   * The annotation file records another encoding that was not used: the article's bytes are no
   * longer the ones it was recorded for, or the encoding is unknown here. Detection decided.
   */
  recordIgnored?: { encoding: string; reason: 'article-changed' | 'unknown-encoding' };
}

export interface DecodeOptions {
  /** Decode with this encoding (one of ARTICLE_ENCODINGS, or any iconv-lite name) instead of detecting it. */
  encoding?: string;
  /** Whether `encoding` counts as the user's choice (default: true when `encoding` is given). */
  chosen?: boolean;
  /**
   * What the annotation file records (encodingRecord.ts): used instead of detection when the
   * bytes are the ones it was recorded for (same SHA-256). `encoding` wins over it.
   */
  record?: { sha256: string; encoding: string; chosen: boolean } | null;
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
export const ENCODING_WINDOWS_1252 = 'windows-1252';

/** How many leading bytes the binary sniff and the legacy-encoding detector look at. */
export const SNIFF_LENGTH = 8192;
/** How many leading bytes are checked for a share of control characters. */
const CONTROL_WINDOW_LENGTH = 1024;
const DETECTION_SAMPLE_LENGTH = 64 * 1024;

// `ignoreBOM: true` (below) keeps a U+FEFF in the output: the BOM is removed by slicing its
// bytes, so a ZERO WIDTH NO-BREAK SPACE that is part of the text is never lost.

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
/** `format`: the short name the window shows (shared/ipc.ts `articleNotText`). */
const KNOWN_BINARY_SIGNATURES: ReadonlyArray<{ name: string; format: string; signature: readonly number[] }> = [
  { name: 'a PDF document', format: 'PDF', signature: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: 'a ZIP archive (or a Word/OpenDocument file)', format: 'ZIP', signature: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'a gzip archive', format: 'gzip', signature: [0x1f, 0x8b] },
  { name: 'a PNG image', format: 'PNG', signature: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'a JPEG image', format: 'JPEG', signature: [0xff, 0xd8, 0xff] },
  { name: 'a GIF image', format: 'GIF', signature: [0x47, 0x49, 0x46, 0x38] },
  { name: 'an old Microsoft Office document', format: 'Microsoft Office', signature: [0xd0, 0xcf, 0x11, 0xe0] },
];

/** The short name of a known binary format the bytes start with (PNG, PDF...), or null. */
export function binaryFormatOf(head: Uint8Array): string | null {
  return KNOWN_BINARY_SIGNATURES.find((candidate) => startsWith(head, candidate.signature))?.format ?? null;
}

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
    // A character cut off by the end of the sample is not held against the file.
    const body = sample.subarray(mark.length);
    if (readableAfterMark(mark.encoding, withoutCutCharacter(mark.encoding, body))) return null;
    const name = mark.encoding === ENCODING_UTF8_BOM ? 'UTF-8' : mark.encoding.toUpperCase();
    return `The file starts with a ${name} byte-order mark but the rest is not valid ${name}.`;
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

/** Legacy encodings tried when the bytes are not UTF-8, in order: Persian and Arabic first. */
const LEGACY_CANDIDATES = [ENCODING_WINDOWS_1256, ENCODING_WINDOWS_1252] as const;
/** jschardet names of Arabic-script encodings: a Persian file labelled with any of them is Windows-1256 in practice. */
const ARABIC_SCRIPT_ENCODINGS = new Set(['windows-1256', 'iso-8859-6', 'cp864', 'cp720']);
/**
 * jschardet's other picks are tried only among the Windows code pages: its DOS, KOI8, Mac and
 * ISO-8859-5 pages turn UTF-8 Persian or random upper bytes into runs of Cyrillic letters that
 * look like words. Any of them can still be chosen by the user.
 * ISO-8859-1 is read as Windows-1252, its superset (as browsers do).
 */
const DETECTED_FAMILIES = /^windows-125\d$/;

function legacyCandidates(sample: Uint8Array): string[] {
  const detected = encodingDetector()
    .detectAll(Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength))
    .map((candidate) => (candidate.encoding ?? '').toLowerCase())
    .map((encoding) => (ARABIC_SCRIPT_ENCODINGS.has(encoding) ? ENCODING_WINDOWS_1256 : encoding === 'iso-8859-1' ? ENCODING_WINDOWS_1252 : encoding))
    .filter((encoding) => DETECTED_FAMILIES.test(encoding) && iconvLite().encodingExists(encoding));
  return [...new Set<string>([...LEGACY_CANDIDATES.slice(0, 1), ...detected, ...LEGACY_CANDIDATES])];
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface RawDecoding {
  raw: string;
  encoding: string;
  guessed: boolean;
  invalidBytes: number;
  replacements: number;
}

const lenientUtf8 = new TextDecoder('utf-8', { ignoreBOM: true });

function decodeUtf8(body: Uint8Array, encoding: string, guessed: boolean): RawDecoding {
  const scan = scanUtf8(body);
  return { raw: lenientUtf8.decode(body), encoding, guessed, invalidBytes: scan.invalidBytes, replacements: scan.invalidSequences };
}

/** UTF-16 read leniently: an odd last byte and each lone surrogate become U+FFFD. */
function decodeUtf16(body: Uint8Array, encoding: typeof ENCODING_UTF16LE | typeof ENCODING_UTF16BE, guessed: boolean): RawDecoding {
  const raw = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
  let invalidBytes = body.length % 2;
  let replacements = body.length % 2;
  const units = Math.floor(body.length / 2);
  for (let index = 0; index < units; index++) {
    const unit = encoding === ENCODING_UTF16LE ? body[2 * index] | (body[2 * index + 1] << 8) : (body[2 * index] << 8) | body[2 * index + 1];
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < units) {
      const next = encoding === ENCODING_UTF16LE ? body[2 * index + 2] | (body[2 * index + 3] << 8) : (body[2 * index + 2] << 8) | body[2 * index + 3];
      if (next >= 0xdc00 && next <= 0xdfff) {
        index++;
        continue;
      }
    }
    if (unit >= 0xd800 && unit <= 0xdfff) {
      invalidBytes += 2;
      replacements++;
    }
  }
  return { raw, encoding, guessed, invalidBytes, replacements };
}

/** A single-byte legacy encoding: bytes it leaves undefined come out as U+FFFD, one each. */
function decodeLegacy(bytes: Uint8Array, encoding: string, guessed: boolean): RawDecoding {
  const raw = iconvLite().decode(toBuffer(bytes), encoding, { stripBOM: false });
  // A single-byte encoding never maps a defined byte to U+FFFD: each one is an undefined byte.
  const replacements = raw.match(/\uFFFD/g)?.length ?? 0;
  return { raw, encoding, guessed, invalidBytes: replacements, replacements };
}

/** Whether the bytes after a byte-order mark read in its encoding, a few bad sequences allowed (shown as U+FFFD). */
function readableAfterMark(encoding: ByteOrderMark, body: Uint8Array): boolean {
  if (encoding === ENCODING_UTF8_BOM) return isNearlyUtf8(scanUtf8(body));
  return decodeUtf16(body, encoding, false).replacements <= MAX_INVALID_SHARE * Math.max(1, Math.floor(body.length / 2));
}

/** The bytes without a last character that the end of a sample cut in two. */
function withoutCutCharacter(encoding: ByteOrderMark, bytes: Uint8Array): Uint8Array {
  if (encoding === ENCODING_UTF8_BOM) {
    // Back over at most three continuation bytes to a lead byte whose sequence does not fit.
    for (let back = 1; back <= Math.min(4, bytes.length); back++) {
      const byte = bytes[bytes.length - back];
      if (byte >= 0x80 && byte <= 0xbf) continue;
      const needed = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc2 ? 2 : 1;
      return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
    }
    return bytes;
  }
  const even = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (even.length < 2) return even;
  const last = encoding === ENCODING_UTF16LE ? even[even.length - 2] | (even[even.length - 1] << 8) : (even[even.length - 2] << 8) | even[even.length - 1];
  return last >= 0xd800 && last <= 0xdbff ? even.subarray(0, even.length - 2) : even;
}

function bomError(mark: { encoding: ByteOrderMark }): UnreadableArticleError {
  const name = mark.encoding === ENCODING_UTF8_BOM ? 'UTF-8' : mark.encoding.toUpperCase();
  return new UnreadableArticleError(`The file starts with a ${name} byte-order mark but the rest is not valid ${name}.`);
}

/** Whether decodeAs can read `encoding`: the Unicode ones without loading iconv-lite (#25: nearly every article's record says UTF-8). */
function decodableAs(encoding: string): boolean {
  const name = encoding.toLowerCase();
  return name === ENCODING_UTF8 || name === ENCODING_UTF8_BOM || name === ENCODING_UTF16LE || name === ENCODING_UTF16BE || iconvLite().encodingExists(name);
}

/** The user's choice: decoded as asked whatever the bytes, a BOM of that encoding removed. */
function decodeAs(bytes: Uint8Array, encoding: string): RawDecoding {
  const name = encoding.toLowerCase();
  const mark = byteOrderMarkOf(bytes);
  if (name === ENCODING_UTF8 || name === ENCODING_UTF8_BOM) {
    const withMark = mark?.encoding === ENCODING_UTF8_BOM;
    return decodeUtf8(withMark ? bytes.subarray(3) : bytes, withMark ? ENCODING_UTF8_BOM : ENCODING_UTF8, false);
  }
  if (name === ENCODING_UTF16LE || name === ENCODING_UTF16BE) {
    return decodeUtf16(mark?.encoding === name ? bytes.subarray(2) : bytes, name, false);
  }
  if (!iconvLite().encodingExists(name)) throw new UnreadableArticleError(`Unknown encoding: ${encoding}.`);
  return decodeLegacy(bytes, name, false);
}

function detectAndDecode(bytes: Uint8Array): RawDecoding {
  const mark = byteOrderMarkOf(bytes);
  if (mark) {
    const body = bytes.subarray(mark.length);
    const decoded = mark.encoding === ENCODING_UTF8_BOM ? decodeUtf8(body, ENCODING_UTF8_BOM, false) : decodeUtf16(body, mark.encoding, false);
    // A BOM proves the encoding: a few bad sequences are shown as U+FFFD, more make it unreadable.
    if (!readableAfterMark(mark.encoding, body)) throw bomError(mark);
    return decoded;
  }
  const binaryReason = sniffUnreadableReason(bytes);
  if (binaryReason) throw new UnreadableArticleError(binaryReason);
  const scan = scanUtf8(bytes);
  if (isNearlyUtf8(scan)) return decodeUtf8(bytes, ENCODING_UTF8, false);
  // Not UTF-8 at all: a legacy encoding, but only one under which the text reads as real words.
  const sample = bytes.subarray(0, DETECTION_SAMPLE_LENGTH);
  for (const encoding of legacyCandidates(sample)) {
    const decoded = decodeLegacy(bytes, encoding, true);
    if (decoded.replacements === 0 && readsAsWords(readWords(decoded.raw))) return decoded;
  }
  // Nothing reads: shown as UTF-8 with every bad sequence replaced and counted, so the user
  // sees the damage and can choose the encoding.
  return decodeUtf8(bytes, ENCODING_UTF8, true);
}

/**
 * What identifies the decoded text, not just the bytes: the same bytes reopened in another
 * encoding are another text, whose offsets must be checked again.
 */
export function decodedTextKey(article: Pick<DecodedArticle, 'sha256' | 'encoding'>): string {
  return `${article.sha256}/${article.encoding}`;
}

/**
 * Turns an article file's bytes into the document text. Throws UnreadableArticleError, with
 * the reason, for binary files (unless an encoding is chosen) and BOM files whose rest is broken.
 */
export function decodeArticle(bytes: Uint8Array, options: DecodeOptions = {}): DecodedArticle {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let decoded: RawDecoding;
  let chosen = options.encoding !== undefined && options.chosen !== false;
  let recordIgnored: DecodedArticle['recordIgnored'];
  const record = options.encoding === undefined ? options.record : null;
  if (options.encoding !== undefined) decoded = decodeAs(bytes, options.encoding);
  else if (record != null && record.sha256 === sha256 && decodableAs(record.encoding)) {
    decoded = decodeAs(bytes, record.encoding);
    chosen = record.chosen;
    // A detected legacy encoding stays a guess when recorded: only a choice or a Unicode encoding is proven.
    if (!record.chosen && !decoded.encoding.startsWith('utf-')) decoded = { ...decoded, guessed: true };
  } else {
    decoded = detectAndDecode(bytes);
    // A record that would have given another text is said; one that agrees with detection is not news.
    if (record != null && sameEncodingName(record.encoding, decoded.encoding) === false) {
      recordIgnored = { encoding: record.encoding, reason: record.sha256 === sha256 ? 'unknown-encoding' : 'article-changed' };
    }
  }
  return {
    text: normalizeLineEnds(decoded.raw),
    encoding: decoded.encoding,
    guessed: decoded.guessed,
    sha256,
    invalidBytes: decoded.invalidBytes,
    replacements: decoded.replacements,
    chosen,
    ...(recordIgnored ? { recordIgnored } : {}),
  };
}

/** UTF-8 with and without a BOM name the same decoding of the characters after it. */
function sameEncodingName(a: string, b: string): boolean {
  const plain = (name: string) => (name.toLowerCase() === ENCODING_UTF8_BOM ? ENCODING_UTF8 : name.toLowerCase());
  return plain(a) === plain(b);
}
