import type { ExportProblem } from './exportTypes';
import type { TaggedDocument } from './tokenTagging';

/**
 * (#25) A document's CoNLL chunk written as UTF-8 bytes: each token's UTF-16 range is encoded
 * straight into the chunk, beside its tag's bytes (encoded once). Before, each token was sliced
 * into a string, the parts joined, the batch's chunks joined and the 42 MB encoded (a
 * 10,000-article export spent about a tenth of its CPU there). The bytes are exactly the string
 * chunk's UTF-8, as TextEncoder gives it (conllBytes.test.ts): a lone surrogate, or half of a
 * pair cut by a token's edge, is U+FFFD. (shared/ has no TextEncoder: it targets no runtime.)
 */

/** Written before every document, in the CoNLL-2003 way. */
export const CONLL_DOCSTART = '-DOCSTART-';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const REPLACEMENT_CHARACTER = 0xfffd;

/** Each tag's bytes, encoded on first use (a corpus has a few dozen). */
const tagBytes = new Map<string, Uint8Array>();
/** Reused between documents: the chunk being written. */
let chunk = new Uint8Array(1 << 16);

/** Tab and line ends are the format's own separators; a source token holding one is written with spaces and reported. */
export function unsafeTokenProblem(token: string): ExportProblem {
  return {
    kind: 'token-text-changed',
    effect: 'changed',
    message: `The source token «${token}» holds a tab or line end, written as a space so the file stays readable.`,
  };
}

/** Room for `needed` bytes in the chunk, keeping the first `used`. */
function chunkWithRoom(used: number, needed: number): Uint8Array {
  if (needed <= chunk.length) return chunk;
  const grown = new Uint8Array(Math.max(needed, chunk.length * 2));
  grown.set(chunk.subarray(0, used));
  chunk = grown;
  return grown;
}

/**
 * Encodes `text`'s UTF-16 units `start` to `end` into `out` at `at` (room for three bytes a
 * unit); with `unsafe`, a tab or line end is written as a space. Returns the end, negated when
 * such a character was replaced (the caller reports it).
 */
function writeUtf8(text: string, start: number, end: number, out: Uint8Array, at: number, unsafe: boolean): number {
  let to = at;
  let replaced = false;
  for (let unit = start; unit < end; unit++) {
    let code = text.charCodeAt(unit);
    if (code < 0x80) {
      if (unsafe && (code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN)) {
        code = SPACE;
        replaced = true;
      }
      out[to++] = code;
      continue;
    }
    if (code < 0x800) {
      out[to++] = 0xc0 | (code >> 6);
      out[to++] = 0x80 | (code & 0x3f);
      continue;
    }
    const next = unit + 1 < end ? text.charCodeAt(unit + 1) : 0;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
      out[to++] = 0xf0 | (point >> 18);
      out[to++] = 0x80 | ((point >> 12) & 0x3f);
      out[to++] = 0x80 | ((point >> 6) & 0x3f);
      out[to++] = 0x80 | (point & 0x3f);
      unit++;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) code = REPLACEMENT_CHARACTER;
    out[to++] = 0xe0 | (code >> 12);
    out[to++] = 0x80 | ((code >> 6) & 0x3f);
    out[to++] = 0x80 | (code & 0x3f);
  }
  return replaced ? -to : to;
}

function bytesOfTag(tag: string): Uint8Array {
  let bytes = tagBytes.get(tag);
  if (bytes === undefined) {
    const room = new Uint8Array(tag.length * 3);
    bytes = room.slice(0, writeUtf8(tag, 0, tag.length, room, 0, false));
    tagBytes.set(tag, bytes);
  }
  return bytes;
}

const DOCSTART_LINE = bytesOfTag(`${CONLL_DOCSTART}\tO\n\n`);

/**
 * The chunk's bytes: `-DOCSTART-`, then a `token TAB tag` line per token, a blank line before
 * each sentence break and after the last sentence. With `fromSource`, a token's tab or line end
 * is written as a space and reported (the project's tokens never hold whitespace).
 */
export function conllChunkBytes(text: string, tagged: TaggedDocument, fromSource: boolean, problems: ExportProblem[]): Uint8Array {
  const { boundaries, tags, sentenceBreaks } = tagged;
  let out = chunkWithRoom(0, DOCSTART_LINE.length);
  out.set(DOCSTART_LINE);
  let used = DOCSTART_LINE.length;
  let nextBreak = 0;
  let lastTagText = '';
  let lastTag = DOCSTART_LINE;
  for (let token = 0; token < tags.length; token++) {
    const start = boundaries[token * 2];
    const end = boundaries[token * 2 + 1];
    // Most tokens are outside every entity, and a chunk's tokens share one tag string: no lookup for either.
    const tagText = tags[token];
    if (tagText !== lastTagText) {
      lastTagText = tagText;
      lastTag = bytesOfTag(tagText);
    }
    const tag = lastTag;
    out = chunkWithRoom(used, used + (end - start) * 3 + tag.length + 3);
    if (nextBreak < sentenceBreaks.length && sentenceBreaks[nextBreak] === token) {
      nextBreak++;
      out[used++] = LINE_FEED;
    }
    used = writeUtf8(text, start, end, out, used, fromSource);
    if (used < 0) {
      used = -used;
      problems.push(unsafeTokenProblem(text.slice(start, end)));
    }
    out[used++] = TAB;
    // A tag is a few bytes: copied by hand, not by a native `set` call per token (3.5 million in the bench's export).
    for (let index = 0; index < tag.length; index++) out[used++] = tag[index];
    out[used++] = LINE_FEED;
  }
  if (tags.length > 0) {
    out = chunkWithRoom(used, used + 1);
    out[used++] = LINE_FEED;
  }
  return out.slice(0, used);
}
