/**
 * (#25) JSON.stringify's text with a two-space indent, written straight as UTF-8 bytes: what
 * `encode(JSON.stringify(value, null, 2))` gives, without the string in between. An export's
 * report (26 MB for 10,000 articles) was stringified, encoded and copied; here each character is
 * written once into a buffer reused between calls. Plain data only (objects, arrays, strings,
 * numbers, booleans, null): anything JSON.stringify would treat otherwise (a `toJSON`, a class's
 * object, a bigint) makes the writer give up (null) and the caller stringify. jsonBytes.test.ts
 * holds it to JSON.stringify + TextEncoder on awkward text (escapes, lone surrogates, emoji).
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
const NEWLINE = 0x0a;
const HEX = '0123456789abcdef';
/** JSON.stringify's short escapes, by code unit. */
const SHORT_ESCAPES: Readonly<Record<number, number>> = { 0x08: 0x62, 0x09: 0x74, 0x0a: 0x6e, 0x0c: 0x66, 0x0d: 0x72, 0x22: 0x22, 0x5c: 0x5c };

/** Thrown inside the writer when a value is not plain data; caught by listJsonBytes. */
class NotPlainData extends Error {}

/** Reused between calls: the bytes being written. */
let out = new Uint8Array(1 << 16);
let at = 0;
/** The line ends written since the last listJsonBytes began (#25: its caller indents the bytes again without counting them). */
let lineEnds = 0;

function room(needed: number): void {
  if (at + needed <= out.length) return;
  const grown = new Uint8Array(Math.max(at + needed, out.length * 2));
  grown.set(out.subarray(0, at));
  out = grown;
}

/** A line end and the indent of `depth` levels. */
function newLine(depth: number): void {
  room(1 + depth * 2);
  lineEnds++;
  out[at++] = NEWLINE;
  out.fill(SPACE, at, at + depth * 2);
  at += depth * 2;
}

function writeAscii(text: string): void {
  room(text.length);
  for (let index = 0; index < text.length; index++) out[at++] = text.charCodeAt(index);
}

/** `\uXXXX`, lower-case hex as JSON.stringify writes it. */
function writeUnicodeEscape(code: number): void {
  out[at++] = BACKSLASH;
  out[at++] = 0x75;
  for (let shift = 12; shift >= 0; shift -= 4) out[at++] = HEX.charCodeAt((code >> shift) & 0xf);
}

/**
 * A string as JSON: quoted, escaped as JSON.stringify escapes, then UTF-8 (a lone surrogate stays
 * escaped, as JSON.stringify leaves it). The buffer and position are held in locals: the loop
 * runs over every character of the report.
 */
function writeString(text: string): void {
  room(text.length * 6 + 2);
  const bytes = out;
  let to = at;
  bytes[to++] = QUOTE;
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (code >= SPACE && code !== QUOTE && code !== BACKSLASH) {
        bytes[to++] = code;
        continue;
      }
      at = to;
      writeEscape(code);
      to = at;
    } else if (code < 0x800) {
      bytes[to++] = 0xc0 | (code >> 6);
      bytes[to++] = 0x80 | (code & 0x3f);
    } else if (code < 0xd800 || code > 0xdfff) {
      bytes[to++] = 0xe0 | (code >> 12);
      bytes[to++] = 0x80 | ((code >> 6) & 0x3f);
      bytes[to++] = 0x80 | (code & 0x3f);
    } else {
      const next = index + 1 < length ? text.charCodeAt(index + 1) : 0;
      if (code > 0xdbff || next < 0xdc00 || next > 0xdfff) {
        at = to;
        writeUnicodeEscape(code);
        to = at;
        continue;
      }
      const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      bytes[to++] = 0xf0 | (point >> 18);
      bytes[to++] = 0x80 | ((point >> 12) & 0x3f);
      bytes[to++] = 0x80 | ((point >> 6) & 0x3f);
      bytes[to++] = 0x80 | (point & 0x3f);
      index++;
    }
  }
  bytes[to++] = QUOTE;
  at = to;
}

/** An ASCII character JSON.stringify escapes: a short escape, or `\u00XX`. */
function writeEscape(code: number): void {
  const short = SHORT_ESCAPES[code];
  if (short === undefined) return writeUnicodeEscape(code);
  out[at++] = BACKSLASH;
  out[at++] = short;
}

/** `"key": ` as bytes, by key: an export's reports have a dozen keys, written 300,000 times. */
const keyBytes = new Map<string, Uint8Array>();

function writeKey(key: string): void {
  let bytes = keyBytes.get(key);
  if (bytes === undefined) {
    const start = at;
    writeString(key);
    writeAscii(': ');
    bytes = out.slice(start, at);
    at = start;
    if (keyBytes.size < 1024) keyBytes.set(key, bytes);
  }
  room(bytes.length);
  out.set(bytes, at);
  at += bytes.length;
}

/** Whether JSON.stringify leaves out an object's property of this value (and writes null for it in an array). */
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

function writeArray(values: readonly unknown[], depth: number): void {
  if (values.length === 0) return writeAscii('[]');
  writeAscii('[');
  for (let index = 0; index < values.length; index++) {
    if (index > 0) writeAscii(',');
    newLine(depth + 1);
    const value = values[index];
    if (isSkipped(value)) writeAscii('null');
    else writeValue(value, depth + 1);
  }
  newLine(depth);
  writeAscii(']');
}

function writeObject(value: Record<string, unknown>, depth: number): void {
  const prototype: unknown = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || typeof value.toJSON === 'function') throw new NotPlainData();
  let written = 0;
  writeAscii('{');
  for (const key of Object.keys(value)) {
    const member = value[key];
    if (isSkipped(member)) continue;
    if (written > 0) writeAscii(',');
    newLine(depth + 1);
    writeKey(key);
    writeValue(member, depth + 1);
    written++;
  }
  if (written === 0) writeAscii('}');
  else {
    newLine(depth);
    writeAscii('}');
  }
}

function writeValue(value: unknown, depth: number): void {
  if (typeof value === 'string') writeString(value);
  else if (typeof value === 'number') writeAscii(Number.isFinite(value) ? String(value) : 'null');
  else if (typeof value === 'boolean') writeAscii(value ? 'true' : 'false');
  else if (value === null) writeAscii('null');
  else if (Array.isArray(value)) writeArray(value, depth);
  else if (typeof value === 'object') writeObject(value as Record<string, unknown>, depth);
  else throw new NotPlainData();
}

/**
 * The items of `values` as JSON.stringify writes them inside a list `depth` levels deep (two
 * spaces of indent a level): each on its own line, indented, separated by `,\n`; bytes of their
 * own. Null when an item is not plain data (the caller stringifies it).
 */
export function listJsonBytes(values: readonly unknown[], depth: number): Uint8Array<ArrayBuffer> | null {
  return listJsonBytesAndLines(values, depth)?.bytes ?? null;
}

/** listJsonBytes, with how many line ends the bytes hold (JSON.stringify escapes every line end inside a string, so each is one of the layout's). */
export function listJsonBytesAndLines(values: readonly unknown[], depth: number): { bytes: Uint8Array<ArrayBuffer>; lines: number } | null {
  at = 0;
  lineEnds = 0;
  try {
    for (let index = 0; index < values.length; index++) {
      if (index > 0) {
        writeAscii(',\n');
        lineEnds++;
      }
      room(depth * 2);
      out.fill(SPACE, at, at + depth * 2);
      at += depth * 2;
      const value = values[index];
      if (isSkipped(value)) writeAscii('null');
      else writeValue(value, depth);
    }
  } catch (error) {
    if (error instanceof NotPlainData) return null;
    throw error;
  }
  return { bytes: out.slice(0, at), lines: lineEnds };
}
