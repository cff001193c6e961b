import path from 'node:path';
import { constants, promises as fs } from 'node:fs';
import { annotationPathFor } from '../storage/annotationStore';
import { annotatorsFolderFor } from '../lead/annotatorPaths';
import { checkCorpusFile, readCorpusFile } from '../corpus/corpusFileAccess';
import { INPUT_LIMITS } from '../corpus/inputLimits';

/**
 * The encoding an annotation file records for its article (`source.encoding`, with the SHA-256
 * of the bytes it was recorded for and whether the user chose it). The offsets of the file were
 * made on the text that encoding gives, so as long as the article's bytes are the same, every
 * reader (opening, export, search, agreement) decodes the article with it rather than by
 * detection: a choice made once in the article header lasts.
 */
export interface EncodingRecord {
  sha256: string;
  encoding: string;
  /** `source.encodingChosen`: the user chose the encoding (the chooser shows it chosen). */
  chosen: boolean;
}

/** How much of a file is looked at first: files written by Hashiye have `source` in their first few hundred bytes. */
const HEAD_CHARACTERS = 64 * 1024;

/**
 * The `source` record found in an annotation file's text, without parsing the whole file (a file
 * of 100,000 annotations is megabytes of JSON): the top-level object is walked key by key, and
 * only the value of `source` is parsed. Null when there is none, or it is not a valid record.
 */
export function encodingRecordIn(text: string): EncodingRecord | null {
  const head = text.length > HEAD_CHARACTERS ? recordInText(text.slice(0, HEAD_CHARACTERS)) : null;
  if (head !== null && head !== 'cut') return head;
  const whole = recordInText(text);
  return whole === 'cut' ? null : whole;
}

/** 'cut': the text ended before `source` was found or closed (a head too short, or a cut file). */
function recordInText(text: string): EncodingRecord | null | 'cut' {
  // A byte-order mark some editors put first is not part of the JSON.
  let index = skipSpace(text, text.charCodeAt(0) === 0xfeff ? 1 : 0);
  if (text[index] !== '{') return null;
  index++;
  for (;;) {
    index = skipSpace(text, index);
    if (index >= text.length) return 'cut';
    if (text[index] === '}') return null;
    if (text[index] !== '"') return null;
    const keyEnd = endOfString(text, index);
    if (keyEnd < 0) return 'cut';
    let key: unknown;
    try {
      key = JSON.parse(text.slice(index, keyEnd));
    } catch {
      return null;
    }
    index = skipSpace(text, keyEnd);
    if (text[index] !== ':') return index >= text.length ? 'cut' : null;
    index = skipSpace(text, index + 1);
    const valueEnd = endOfValue(text, index);
    if (valueEnd < 0) return 'cut';
    if (key === 'source') return recordOf(text.slice(index, valueEnd));
    index = skipSpace(text, valueEnd);
    if (text[index] === ',') index++;
    else if (text[index] === '}') return null;
    else return index >= text.length ? 'cut' : null;
  }
}

function recordOf(json: string): EncodingRecord | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { sha256, encoding, encodingChosen } = value as Record<string, unknown>;
  if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256) || typeof encoding !== 'string' || encoding === '') return null;
  return { sha256, encoding, chosen: encodingChosen === true };
}

function skipSpace(text: string, index: number): number {
  while (index < text.length && (text[index] === ' ' || text[index] === '\n' || text[index] === '\r' || text[index] === '\t')) index++;
  return index;
}

/** Index just after the string starting at `index` (a `"`), or -1 when the text ends first. */
function endOfString(text: string, index: number): number {
  for (let at = index + 1; at < text.length; at++) {
    if (text[at] === '\\') at++;
    else if (text[at] === '"') return at + 1;
  }
  return -1;
}

/** Index just after the JSON value starting at `index`, or -1 when the text ends first. */
function endOfValue(text: string, index: number): number {
  if (text[index] === '"') return endOfString(text, index);
  if (text[index] === '{' || text[index] === '[') {
    let depth = 0;
    for (let at = index; at < text.length; at++) {
      const character = text[at];
      if (character === '"') {
        const end = endOfString(text, at);
        if (end < 0) return -1;
        at = end - 1;
      } else if (character === '{' || character === '[') depth++;
      else if (character === '}' || character === ']') {
        depth--;
        if (depth === 0) return at + 1;
      }
    }
    return -1;
  }
  // A number, true, false or null: up to the next delimiter.
  let at = index;
  while (at < text.length && !/[,}\]\s]/.test(text[at])) at++;
  return at >= text.length ? -1 : at;
}

/**
 * The record of the article's `NAME.ann.json`, or else of its first annotator file
 * (`NAME.annotators/*.ann.json`, by name) that has one. Null when no file records one, or
 * they cannot be read (the reader then detects; its own read of the file reports why).
 */
export async function readEncodingRecord(root: string, articlePath: string, options: { annotators?: boolean } = {}): Promise<EncodingRecord | null> {
  const own = await recordOfFile(root, annotationPathFor(articlePath));
  if (own !== null || options.annotators === false) return own;
  const folder = annotatorsFolderFor(articlePath);
  let names: string[];
  try {
    names = (await fs.readdir(folder)).filter((name) => name.endsWith('.ann.json')).sort();
  } catch {
    return null;
  }
  for (const name of names) {
    const record = await recordOfFile(root, path.join(folder, name));
    if (record !== null) return record;
  }
  return null;
}

async function recordOfFile(root: string, file: string): Promise<EncodingRecord | null> {
  try {
    // (#17) Hashiye writes `source` near the top: only the head is read and decoded (a file of
    // 100,000 annotations is 39 MB, read whole here and then again by the open). A cut character
    // at the end of the head is harmless: `source` is before it or not in the head.
    const head = await readCorpusFileHead(root, file, HEAD_CHARACTERS);
    if (head === null) return null;
    const found = recordInText(head.bytes.toString('utf8'));
    if (found !== 'cut' || head.whole) return found === 'cut' ? null : found;
    const read = await readCorpusFile(root, file, { maxBytes: INPUT_LIMITS.annotationFileBytes });
    return read === null ? null : encodingRecordIn(read.bytes.toString('utf8'));
  } catch {
    return null;
  }
}

/**
 * The first `maxBytes` of a regular corpus file (confined as readCorpusFile confines: a link is
 * followed only inside the corpus, nothing but a regular file is opened, never blocking), and
 * whether that is the whole file; null when there is none. A hint only: whatever it says is
 * used only for the article bytes whose SHA-256 it names.
 */
async function readCorpusFileHead(root: string, file: string, maxBytes: number): Promise<{ bytes: Buffer; whole: boolean } | null> {
  const checked = await checkCorpusFile(await fs.realpath(path.resolve(root)), file);
  if (checked.kind === 'absent') return null;
  if (checked.kind === 'refused') throw checked.error;
  const handle = await fs.open(checked.realPath, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0));
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return null;
    const buffer = Buffer.alloc(Math.min(maxBytes, stats.size));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, filled), whole: stats.size <= maxBytes && filled === stats.size };
  } finally {
    await handle.close();
  }
}
