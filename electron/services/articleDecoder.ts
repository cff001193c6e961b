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

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let controls = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  return sample.length > 0 && controls / sample.length > 0.1;
}

/** Legacy single-byte encodings our users' files come in, named as iconv-lite knows them. */
function normalizeDetectedName(name: string): string | null {
  const lower = name.toLowerCase();
  if (lower === 'ascii') return 'utf-8';
  if (lower === 'iso-8859-6' || lower === 'windows-1256') return 'windows-1256';
  return iconv.encodingExists(lower) ? lower : null;
}

function decodeBytes(bytes: Uint8Array): { raw: string; encoding: string; guessed: boolean } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      return { raw: strictUtf8.decode(bytes.subarray(3)), encoding: 'utf-8-bom', guessed: false };
    } catch {
      throw new UnreadableArticleError('The file starts with a UTF-8 byte-order mark but is not valid UTF-8.');
    }
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { raw: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le', guessed: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { raw: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be', guessed: false };
  }
  if (looksBinary(bytes)) throw new UnreadableArticleError('The file looks binary (it holds NUL or control bytes), not text.');
  try {
    return { raw: strictUtf8.decode(bytes), encoding: 'utf-8', guessed: false };
  } catch {
    // Not UTF-8: a legacy encoding. Persian and Arabic files of this kind are Windows-1256.
  }
  const detected = jschardet.detect(Buffer.from(bytes));
  const encoding = (detected.encoding && normalizeDetectedName(detected.encoding)) || 'windows-1256';
  if (encoding === 'utf-8') {
    throw new UnreadableArticleError('The file is neither valid UTF-8 nor in a recognised legacy encoding.');
  }
  return { raw: iconv.decode(Buffer.from(bytes), encoding), encoding, guessed: true };
}

export function decodeArticle(bytes: Uint8Array): DecodedArticle {
  const { raw, encoding, guessed } = decodeBytes(bytes);
  const replacements = raw.match(/\uFFFD/g)?.length ?? 0;
  if (replacements > 0 && replacements > raw.length / 100) {
    throw new UnreadableArticleError(`The file cannot be decoded as ${encoding}: ${replacements} characters are undecodable.`);
  }
  return {
    text: normalizeLineEnds(raw),
    encoding,
    guessed,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
