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
/**
 * (#25) Where the chunks are written, one after the other, each returned as a view of it: a
 * document's bytes are neither copied out of a scratch buffer nor given an ArrayBuffer of their
 * own (10,000 of them in the bench's export, each a malloc, a free and external memory that
 * hastens the collections). A full arena is left to the views that hold it, never written again.
 */
const ARENA_BYTES = 1 << 18;
/**
 * (#25) The first arena is small: the first document fills it, so the path that starts a new
 * arena runs, and is profiled, before conllChunkBytes is optimized. Otherwise the first full
 * arena (about 60 documents in) came after, with no type feedback there, and threw the optimized
 * code away in every thread.
 */
const FIRST_ARENA_BYTES = 1 << 10;
let arena = new Uint8Array(FIRST_ARENA_BYTES);
/** The end of the last chunk returned: the next one begins there. */
let arenaUsed = 0;
/** Where the chunk being written begins in the arena. */
let chunkStart = 0;

/** Tab and line ends are the format's own separators; a source token holding one is written with spaces and reported. */
export function unsafeTokenProblem(token: string): ExportProblem {
  return {
    kind: 'token-text-changed',
    effect: 'changed',
    message: `The source token «${token}» holds a tab or line end, written as a space so the file stays readable.`,
  };
}

/**
 * Room in the arena for `extra` bytes after `used`: when it is full, the chunk written so far
 * moves to the start of a new one. Returns `used` as it then is (`arena` may have changed).
 */
function reserve(used: number, extra: number): number {
  if (used + extra <= arena.length) return used;
  const written = used - chunkStart;
  const next = new Uint8Array(Math.max(ARENA_BYTES, (written + extra) * 2));
  next.set(arena.subarray(chunkStart, used));
  arena = next;
  chunkStart = 0;
  return written;
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
  chunkStart = arenaUsed;
  let used = reserve(arenaUsed, DOCSTART_LINE.length);
  let out = arena;
  out.set(DOCSTART_LINE, used);
  used += DOCSTART_LINE.length;
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
    used = reserve(used, (end - start) * 3 + tag.length + 3);
    out = arena;
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
    used = reserve(used, 1);
    arena[used++] = LINE_FEED;
  }
  arenaUsed = used;
  return arena.subarray(chunkStart, used);
}
