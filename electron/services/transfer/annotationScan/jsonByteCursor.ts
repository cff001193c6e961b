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
    return this.nonAscii ? bytes.toString('utf8', stringStart, stringEnd) : bytes.toString('latin1', stringStart, stringEnd);
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
