import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeArticle, UnreadableArticleError } from './articleDecoder';
import { MAX_INVALID_SHARE, MIN_CLEAN_WORD_SHARE, readWords, scanUtf8 } from './decodingEvidence';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const data = path.resolve(projectRoot, '../shared/data');
const dataExists = existsSync(path.join(data, 'peyma'));
const skipNote = dataExists ? '' : ' (skipped: ../shared/data is absent)';

let folder: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-detect-'));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

let counter = 0;
/** Decodes real bytes read back from a real file. */
async function fromDisk(bytes: Uint8Array, encoding?: string): Promise<ReturnType<typeof decodeArticle>> {
  const file = path.join(folder, `a-${counter++}.txt`);
  await fs.writeFile(file, bytes);
  return decodeArticle(await fs.readFile(file), encoding ? { encoding } : {});
}

/** The token column of the corpora in ../shared/data, cut into articles of about 1.5 KB. */
function corpusArticles(): string[] {
  const sources: [string, RegExp][] = [
    ['peyma/test.first300.txt', /\|/],
    ['arman-personer/test_fold1.first300.txt', / /],
    ['parstwiner/test.first300.txt', /\t/],
    ['anercorp-camellab/ANERCorp_CamelLab_test.last300.txt', / /],
    ['newsfane-gold/NewsFANE_Gold_2014_170K.first300.txt', /\t/],
  ];
  const articles: string[] = [];
  for (const [file, separator] of sources) {
    const content = readFileSync(path.join(data, file), 'utf8').replace(/^\uFEFF/, '').replace(/\u200e/g, '');
    let current = '';
    for (const sentence of content.split(/\r?\n\s*\r?\n/)) {
      current += `${sentence.split(/\r?\n/).map((line) => line.split(separator)[0]).filter(Boolean).join(' ')}\n`;
      if (current.length > 1500) {
        articles.push(current);
        current = '';
      }
    }
  }
  articles.push(...readFileSync(path.join(data, 'fa-news-seed/000_71c9989fa90c9667.txt'), 'utf8').match(/[^]{1,1500}(\n|$)/g)!);
  return articles;
}

/** Deterministic pseudo-random numbers (tests must not flake). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const persian = 'وزیر امور خارجه ایران فوق‌العاده به دمشق رفت و گفت: «می‌دهد». ۱۴۰۳\n'.repeat(20);

describe('nearly UTF-8 decodes as UTF-8, each bad sequence a counted U+FFFD', () => {
  it('three bad bytes in a Persian UTF-8 file: UTF-8, 3 invalid bytes, 3 U+FFFD, no mojibake', async () => {
    const bytes = Buffer.from(persian, 'utf8');
    const damaged = Buffer.from(bytes);
    // Three lone bytes that no UTF-8 sequence can hold, put between characters.
    const positions = [0, 300, 900].map((at) => bytes.indexOf(0x20, at));
    for (const position of positions) damaged[position] = 0xff;
    const decoded = await fromDisk(damaged);
    expect(decoded).toMatchObject({ encoding: 'utf-8', guessed: false, chosen: false, invalidBytes: 3, replacements: 3 });
    expect(decoded.text.match(/\uFFFD/g)).toHaveLength(3);
    expect(decoded.text.replace(/\uFFFD/g, ' ')).toBe(persian);
    expect(decoded.text).not.toMatch(/ظپ|ط§/);
  });

  it('a character cut in the middle (a lead byte without its continuation) counts the bytes of the broken sequence', async () => {
    const bytes = Buffer.from(persian, 'utf8');
    // «فوق»: ف is D9 81; dropping 81 leaves D9 followed by a valid sequence: one U+FFFD for one byte.
    const at = bytes.indexOf(Buffer.from('فوق', 'utf8'));
    const damaged = Buffer.concat([bytes.subarray(0, at + 1), bytes.subarray(at + 2)]);
    const decoded = await fromDisk(damaged);
    expect(decoded).toMatchObject({ encoding: 'utf-8', invalidBytes: 1, replacements: 1 });
    expect(decoded.text).toContain('\uFFFDوق');
    // A three-byte sequence cut after two bytes: one U+FFFD for two bytes.
    const cut = Buffer.concat([Buffer.from(persian, 'utf8'), Buffer.from([0xe2, 0x80])]);
    expect(await fromDisk(cut)).toMatchObject({ encoding: 'utf-8', invalidBytes: 2, replacements: 1 });
  });

  it('UTF-8 with a BOM and two bad bytes: utf-8-bom, both shown as U+FFFD', async () => {
    const damaged = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(persian, 'utf8'), Buffer.from([0x80, 0x20, 0xc0])]);
    const decoded = await fromDisk(damaged);
    expect(decoded).toMatchObject({ encoding: 'utf-8-bom', invalidBytes: 2, replacements: 2 });
    expect(decoded.text.startsWith('وزیر')).toBe(true);
  });

  it.skipIf(!dataExists)(`real corpora, UTF-8 with 1, 3, 10 and 30 random bytes damaged an article: all UTF-8${skipNote}`, () => {
    const random = seeded(17);
    const articles = corpusArticles();
    for (const damage of [1, 3, 10, 30]) {
      const encodings = new Map<string, number>();
      for (const article of articles) {
        const bytes = Buffer.from(article, 'utf8');
        for (let index = 0; index < damage; index++) bytes[Math.floor(random() * bytes.length)] = 0x80 + Math.floor(random() * 0x7f);
        const decoded = decodeArticle(bytes);
        encodings.set(decoded.encoding, (encodings.get(decoded.encoding) ?? 0) + 1);
        expect(decoded.text.match(/\uFFFD/g)?.length ?? 0).toBe(decoded.replacements);
      }
      // 30 damaged bytes in 1.5 KB may leave a mostly-ASCII article with more bad than good
      // sequences: that one may go to the word test, but never to mojibake (checked below).
      if (damage <= 10) expect(Object.fromEntries(encodings)).toEqual({ 'utf-8': articles.length });
      else expect(encodings.get('utf-8') ?? 0).toBeGreaterThanOrEqual(articles.length - 2);
    }
  });
});

describe('a legacy encoding only when the bytes are not UTF-8 and the text reads as words', () => {
  it.skipIf(!dataExists)(`real Persian and Arabic corpora written in Windows-1256 (iconv-lite): all Windows-1256, every byte read${skipNote}`, () => {
    const articles = corpusArticles();
    expect(articles.length).toBeGreaterThan(100);
    let maxValidShare = 0;
    let minClean = 1;
    for (const article of articles) {
      // Windows-1256 has no Persian yeh: old files carry Arabic yeh.
      const legacy = article.replace(/\u06cc/g, '\u064a');
      const bytes = iconv.encode(legacy, 'windows-1256');
      const scan = scanUtf8(bytes);
      maxValidShare = Math.max(maxValidShare, scan.multiByte / (scan.multiByte + scan.invalidSequences));
      minClean = Math.min(minClean, readWords(iconv.decode(bytes, 'windows-1256')).cleanShare);
      const decoded = decodeArticle(bytes);
      expect(decoded).toMatchObject({ encoding: 'windows-1256', guessed: true, invalidBytes: 0, replacements: 0 });
      expect(decoded.text).toBe(iconv.decode(bytes, 'windows-1256').replace(/\r\n?/g, '\n'));
    }
    // The margins the thresholds rest on (documented in articleDecoder.ts).
    expect(maxValidShare).toBeLessThan(1 - MAX_INVALID_SHARE);
    expect(maxValidShare).toBeLessThan(0.05);
    expect(minClean).toBeGreaterThanOrEqual(MIN_CLEAN_WORD_SHARE);
  });

  it.skipIf(!dataExists)(`UTF-8 Persian read as Windows-1256 (the «ظپظˆط» mojibake) does not read as words${skipNote}`, () => {
    for (const article of corpusArticles().slice(0, 40)) {
      const mojibake = iconv.decode(Buffer.from(article, 'utf8'), 'windows-1256');
      expect(readWords(mojibake).cleanShare).toBeLessThan(MIN_CLEAN_WORD_SHARE);
    }
  });

  it('a Latin-1 Spanish and German file is Windows-1252, not Windows-1256 (its words would mix scripts)', async () => {
    // Not French: Windows-1256 keeps the French accented letters where Latin-1 has them.
    const text = 'El señor Muñoz dijo que la niña llegó a la Straße; die Größe der Brücke über den Øresund überraschte ihn. '.repeat(10);
    const decoded = await fromDisk(iconv.encode(text, 'windows-1252'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', guessed: true, text, invalidBytes: 0 });
  });

  it('bytes that are neither UTF-8 nor words in any candidate are shown as UTF-8 with every bad byte counted, marked as a guess', async () => {
    const random = seeded(5);
    // Printable upper bytes and spaces only: no NUL or control byte for the binary sniff to catch.
    const bytes = Buffer.from(Array.from({ length: 4000 }, () => (random() < 0.15 ? 0x20 : 0xa0 + Math.floor(random() * 0x60))));
    const decoded = await fromDisk(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', guessed: true });
    expect(decoded.replacements).toBeGreaterThan(100);
    expect(decoded.text.match(/\uFFFD/g)).toHaveLength(decoded.replacements);
  });

  it('a file of random bytes is refused as binary, with the reason', async () => {
    const random = seeded(9);
    const file = path.join(folder, 'random.txt');
    await fs.writeFile(file, Buffer.from(Array.from({ length: 20000 }, () => Math.floor(random() * 256))));
    expect(() => decodeArticle(readFileSync(file))).toThrow(UnreadableArticleError);
    expect(() => decodeArticle(readFileSync(file))).toThrow(/binary/);
  });

  it('UTF-16 LE and BE with BOM; an empty file', async () => {
    for (const encoding of ['utf-16le', 'utf-16be'] as const) {
      const bom = encoding === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff];
      const decoded = await fromDisk(Buffer.concat([Buffer.from(bom), iconv.encode(`${persian}😀`, encoding)]));
      expect(decoded).toMatchObject({ encoding, text: `${persian}😀`, invalidBytes: 0, replacements: 0, guessed: false });
    }
    expect(await fromDisk(Buffer.alloc(0))).toMatchObject({ text: '', encoding: 'utf-8', invalidBytes: 0, replacements: 0, guessed: false });
  });

  it('UTF-16 LE with BOM and one lone surrogate in a long text: shown with one U+FFFD for two bytes', async () => {
    const body = iconv.encode(persian, 'utf-16le');
    const decoded = await fromDisk(Buffer.concat([Buffer.from([0xff, 0xfe]), body.subarray(0, 20), Buffer.from([0x3d, 0xd8]), body.subarray(20)]));
    expect(decoded).toMatchObject({ encoding: 'utf-16le', invalidBytes: 2, replacements: 1 });
  });
});

describe('the user can decode in a chosen encoding', () => {
  it('Windows-1256 bytes reopened as UTF-8: every bad byte counted; reopened as Windows-1256: the text', async () => {
    // Windows-1256 has neither Persian yeh nor Persian digits.
    const legacy = persian.replace(/\u06cc/g, '\u064a').replace(/۱۴۰۳/g, '1403');
    const bytes = iconv.encode(legacy, 'windows-1256');
    const asUtf8 = await fromDisk(bytes, 'utf-8');
    expect(asUtf8).toMatchObject({ encoding: 'utf-8', chosen: true, guessed: false });
    expect(asUtf8.replacements).toBeGreaterThan(100);
    const as1256 = await fromDisk(bytes, 'windows-1256');
    expect(as1256).toMatchObject({ encoding: 'windows-1256', chosen: true, guessed: false, text: legacy, invalidBytes: 0 });
    expect(as1256.sha256).toBe(asUtf8.sha256);
  });

  it('a nearly-UTF-8 file reopened as Windows-1256 gives the mojibake the user asked for, same SHA-256 (of the bytes)', async () => {
    const bytes = Buffer.concat([Buffer.from('فوق', 'utf8'), Buffer.from([0xff])]);
    const detected = decodeArticle(bytes);
    const chosen = decodeArticle(bytes, { encoding: 'windows-1256' });
    expect(detected).toMatchObject({ encoding: 'utf-8', text: 'فوق\uFFFD', replacements: 1 });
    expect(chosen.text).toBe('ظپظˆظ‚ے');
    expect(chosen.sha256).toBe(detected.sha256);
  });

  it('UTF-16 chosen for a BOM file drops the BOM; ISO-8859-6 counts the bytes it leaves undefined; an unknown name is refused', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('سلام', 'utf-16le')]);
    expect(await fromDisk(utf16, 'utf-16le')).toMatchObject({ text: 'سلام', encoding: 'utf-16le', chosen: true });
    const arabic = Buffer.concat([iconv.encode('سلام عليكم', 'iso-8859-6'), Buffer.from([0xa1, 0xa2])]);
    expect(await fromDisk(arabic, 'iso-8859-6')).toMatchObject({ encoding: 'iso-8859-6', invalidBytes: 2, replacements: 2 });
    expect(() => decodeArticle(arabic, { encoding: 'no-such-encoding' })).toThrow(UnreadableArticleError);
  });
});

describe('the listing sniff agrees with decoding', () => {
  it('a UTF-8 BOM file with a few bad bytes is listed as readable, one with a broken rest is not', async () => {
    const { sniffUnreadableReason } = await import('./articleDecoder');
    const nearly = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(persian, 'utf8'), Buffer.from([0xff])]);
    expect(sniffUnreadableReason(nearly)).toBeNull();
    expect(decodeArticle(nearly)).toMatchObject({ encoding: 'utf-8-bom', replacements: 1 });
    const broken = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), iconv.encode('وزير امور خارجه', 'windows-1256')]);
    expect(sniffUnreadableReason(broken)).toMatch(/UTF-8 byte-order mark/);
    expect(() => decodeArticle(broken)).toThrow(UnreadableArticleError);
  });
});
