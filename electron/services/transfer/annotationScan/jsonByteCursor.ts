/**
 * (#25) Reading JSON straight from its UTF-8 bytes, one value at a time, for the export's scan of
 * an annotation file (spanAnnotationFile.ts). It is strict in one direction only: every method
 * answers false (or -1) for anything it is not sure JSON.parse reads as the caller expects,
 * including much that is valid JSON (a number with a fraction or an exponent, a key with an
 * escape); the caller then gives the file to JSON.parse and the full checks, which decide and
 * say why. What it accepts, it reads exactly as JSON.parse does: the bytes must be valid UTF-8
 * (checked once for the whole file by the caller), strings must hold no raw control character
 * and only JSON's escapes, and a string with an escape is decoded by JSON.parse itself.
 */

const SPACE = 0x20;
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const DIGIT_ZERO = 0x30;
const DIGIT_NINE = 0x39;
/** More digits could pass Number.MAX_SAFE_INTEGER (16 digits): such an offset goes the full way. */
const MAX_OFFSET_DIGITS = 15;

/** The escapes JSON allows after a backslash, but `u` (four hex digits follow). */
const SIMPLE_ESCAPES: ReadonlySet<number> = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

function isHexDigit(byte: number): boolean {
  return (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66);
}

/**
 * Short ASCII strings met before, by a hash of their bytes (one per slot, the last met kept): an
 * export reads the same few ids and types in every file (270,000 of each in the bench's export),
 * and a string made once is cheaper to find than to make again.
 */
const INTERNED_SLOTS = 1024;
const MAX_INTERNED_BYTES = 32;
const internedBytes: (Uint8Array | null)[] = new Array<Uint8Array | null>(INTERNED_SLOTS).fill(null);
const internedStrings: string[] = new Array<string>(INTERNED_SLOTS).fill('');

/** `bytes` from `start` to `end` (ASCII) as a string, found among those met before or made and remembered. */
function internedAscii(bytes: Buffer, start: number, end: number): string {
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ bytes[at], 0x01000193);
  const slot = (hash >>> 0) & (INTERNED_SLOTS - 1);
  const known = internedBytes[slot];
  if (known !== null && known.length === end - start) {
    let same = true;
    for (let index = 0; same && index < known.length; index++) same = known[index] === bytes[start + index];
    if (same) return internedStrings[slot];
  }
  const value = bytes.toString('latin1', start, end);
  internedBytes[slot] = bytes.slice(start, end);
  internedStrings[slot] = value;
  return value;
}

/** The bytes of an ASCII word, to compare keys and literals with. */
export function asciiBytes(word: string): Uint8Array {
  return Uint8Array.from(word, (character) => character.charCodeAt(0));
}

export class JsonByteCursor {
  /** The next byte to read. */
  at = 0;
  /** The last string read: its content's bytes (without the quotes) and whether it held an escape or a byte above ASCII. */
  stringStart = 0;
  stringEnd = 0;
  escaped = false;
  nonAscii = false;

  constructor(readonly bytes: Buffer) {}

  /** Skips JSON's whitespace; the next byte, or -1 at the end. */
  next(): number {
    const { bytes } = this;
    let at = this.at;
    while (at < bytes.length) {
      const byte = bytes[at];
      if (byte !== SPACE && byte !== LINE_FEED && byte !== CARRIAGE_RETURN && byte !== TAB) {
        this.at = at;
        return byte;
      }
      at++;
    }
    this.at = at;
    return -1;
  }

  /** Reads `byte` (after whitespace) when it comes next. */
  take(byte: number): boolean {
    if (this.next() !== byte) return false;
    this.at++;
    return true;
  }

  /** True when nothing but whitespace is left. */
  atEnd(): boolean {
    return this.next() === -1;
  }

  /** Reads a JSON string (after whitespace): false when there is none or it is not valid (a raw control character, an unknown escape, the end of the bytes). */
  readString(): boolean {
    if (!this.take(QUOTE)) return false;
    const { bytes } = this;
    let at = this.at;
    let escaped = false;
    let high = 0;
    for (;;) {
      if (at >= bytes.length) return false;
      const byte = bytes[at];
      if (byte === QUOTE) break;
      if (byte < SPACE) return false;
      high |= byte;
      if (byte === BACKSLASH) {
        escaped = true;
        const escape = bytes[at + 1];
        if (escape === 0x75) {
          for (let digit = at + 2; digit < at + 6; digit++) if (digit >= bytes.length || !isHexDigit(bytes[digit])) return false;
          at += 6;
          continue;
        }
        if (!SIMPLE_ESCAPES.has(escape)) return false;
        at += 2;
        continue;
      }
      at++;
    }
    this.stringStart = this.at;
    this.stringEnd = at;
    this.escaped = escaped;
    this.nonAscii = high >= 0x80;
    this.at = at + 1;
    return true;
  }

  /** Whether the last string read is `word` written plainly (no escape). */
  stringIs(word: Uint8Array): boolean {
    const { bytes, stringStart } = this;
    if (this.escaped || this.stringEnd - stringStart !== word.length) return false;
    for (let index = 0; index < word.length; index++) if (bytes[stringStart + index] !== word[index]) return false;
    return true;
  }

  /** The last string read, as JSON.parse gives it. */
  stringValue(): string {
    const { bytes, stringStart, stringEnd } = this;
    if (this.escaped) return JSON.parse(bytes.toString('utf8', stringStart - 1, stringEnd + 1)) as string;
    if (this.nonAscii) return bytes.toString('utf8', stringStart, stringEnd);
    return stringEnd - stringStart <= MAX_INTERNED_BYTES ? internedAscii(bytes, stringStart, stringEnd) : bytes.toString('latin1', stringStart, stringEnd);
  }

  /**
   * Reads a non-negative integer written as plain digits (after whitespace): its value, or -1 for
   * anything else (a sign, a fraction, an exponent, a leading zero, more than 15 digits).
   */
  readOffset(): number {
    if (this.next() === -1) return -1;
    const { bytes } = this;
    const first = this.at;
    let at = first;
    let value = 0;
    while (at < bytes.length && bytes[at] >= DIGIT_ZERO && bytes[at] <= DIGIT_NINE) {
      value = value * 10 + (bytes[at] - DIGIT_ZERO);
      at++;
    }
    const digits = at - first;
    if (digits === 0 || digits > MAX_OFFSET_DIGITS || (digits > 1 && bytes[first] === DIGIT_ZERO)) return -1;
    // A fraction or an exponent next: not plain (whatever else follows, the caller finds no comma or bracket and gives up).
    const after = bytes[at];
    if (after === 0x2e || after === 0x65 || after === 0x45) return -1;
    this.at = at;
    return value;
  }

  /** Reads the literal `word` (after whitespace), such as `true`. */
  readLiteral(word: Uint8Array): boolean {
    if (this.next() === -1) return false;
    const { bytes, at } = this;
    for (let index = 0; index < word.length; index++) if (bytes[at + index] !== word[index]) return false;
    this.at = at + word.length;
    return true;
  }
}

/** Keys told apart by their index in `words`, found by length and first byte before the bytes are compared. */
export class KeySet {
  readonly words: readonly Uint8Array[];
  private readonly byLength: number[][] = [];

  constructor(words: readonly string[]) {
    this.words = words.map(asciiBytes);
    this.words.forEach((word, index) => (this.byLength[word.length] ??= []).push(index));
  }

  /** The index of the string just read, or -1 (an unknown key, or one written with an escape). */
  indexOf(cursor: JsonByteCursor): number {
    const candidates = this.byLength[cursor.stringEnd - cursor.stringStart];
    if (candidates === undefined) return -1;
    const first = cursor.bytes[cursor.stringStart];
    for (const index of candidates) if (this.words[index][0] === first && cursor.stringIs(this.words[index])) return index;
    return -1;
  }
}
