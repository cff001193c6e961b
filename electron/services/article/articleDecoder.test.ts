import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeArticle, normalizeLineEnds, SNIFF_LENGTH, sniffUnreadableReason, UnreadableArticleError } from './articleDecoder';

const projectRoot = path.resolve(import.meta.dirname, '../../..');
const seedArticle = path.resolve(projectRoot, '../shared/data/fa-news-seed/000_71c9989fa90c9667.txt');
const seedExists = existsSync(seedArticle);

let folder: string;
beforeAll(async () => {
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-decoder-'));
});
afterAll(async () => {
  await fs.rm(folder, { recursive: true, force: true });
});

let fileCounter = 0;
/** Writes real bytes to a temporary article file and decodes what is read back from disk. */
async function decodeFromDisk(bytes: Uint8Array): Promise<ReturnType<typeof decodeArticle> & { onDisk: Buffer }> {
  const file = path.join(folder, `article-${fileCounter++}.txt`);
  await fs.writeFile(file, bytes);
  const onDisk = await fs.readFile(file);
  return { ...decodeArticle(onDisk), onDisk };
}

function decodeError(bytes: Uint8Array): UnreadableArticleError {
  try {
    decodeArticle(bytes);
  } catch (error) {
    if (error instanceof UnreadableArticleError) return error;
    throw error;
  }
  throw new Error('expected the bytes to be refused');
}

const persian = 'خبرگزاری\u00a0ایرنا: «می\u200cدهد» و کتاب\u200cها ۱۴۰۳ 😀 پایان';

describe('decodeArticle: Unicode files', () => {
  it('reads UTF-8 without BOM, records utf-8, not guessed', async () => {
    const decoded = await decodeFromDisk(Buffer.from(persian, 'utf8'));
    expect(decoded).toMatchObject({ text: persian, encoding: 'utf-8', guessed: false });
  });

  it('removes a UTF-8 BOM and records utf-8-bom; a second U+FEFF in the text stays', async () => {
    const text = `\ufeff${persian}`;
    const decoded = await decodeFromDisk(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(decoded).toMatchObject({ text, encoding: 'utf-8-bom', guessed: false });
  });

  it('reads UTF-16 LE with BOM, astral characters included', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(persian, 'utf16le')]);
    const decoded = await decodeFromDisk(bytes);
    expect(decoded).toMatchObject({ text: persian, encoding: 'utf-16le', guessed: false });
  });

  it('reads UTF-16 BE with BOM', async () => {
    const bytes = iconv.encode(persian, 'utf-16be', { addBOM: true });
    expect([...bytes.subarray(0, 2)]).toEqual([0xfe, 0xff]);
    const decoded = await decodeFromDisk(bytes);
    expect(decoded).toMatchObject({ text: persian, encoding: 'utf-16be', guessed: false });
  });

  it('turns CRLF and lone CR into LF and changes nothing else (NBSP, ZWNJ, bidi marks, yeh forms)', async () => {
    const raw = 'سطر یک\r\nسطر دو\rسطر سه\n\u200fعلي و علی\u00a0\u200c\r\n\r\n';
    const decoded = await decodeFromDisk(Buffer.from(raw, 'utf8'));
    expect(decoded.text).toBe('سطر یک\nسطر دو\nسطر سه\n\u200fعلي و علی\u00a0\u200c\n\n');
    expect(normalizeLineEnds('a\r\r\nb')).toBe('a\n\nb');
  });

  it('reads an empty file as empty UTF-8 text', async () => {
    const decoded = await decodeFromDisk(new Uint8Array(0));
    expect(decoded).toMatchObject({ text: '', encoding: 'utf-8', guessed: false });
  });

  it('records the SHA-256 of the bytes on disk, not of the text', async () => {
    const bytes = Buffer.from('a\r\nb', 'utf8');
    const decoded = await decodeFromDisk(bytes);
    expect(decoded.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(decoded.text).toBe('a\nb');
  });

  it('refuses a UTF-8 BOM followed by bytes that are not UTF-8', () => {
    const error = decodeError(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]));
    expect(error.message).toMatch(/UTF-8 byte-order mark/);
  });

  it('refuses UTF-16 with an odd number of bytes or a lone surrogate', () => {
    expect(decodeError(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42])).message).toMatch(/UTF-16LE byte-order mark/);
    expect(decodeError(Buffer.from([0xfe, 0xff, 0xd8, 0x3d, 0x00, 0x41])).message).toMatch(/UTF-16BE/);
  });
});

describe('decodeArticle: Windows-1256', () => {
  // Windows-1256 has no Persian yeh (U+06CC): old files carry Arabic yeh (U+064A), and it must stay.
  const legacyPersian = 'گزارش خبرگزاري: پيكر چهار ژنرال در تهران تشييع شد. کتاب، چاپ و گچ؛ آيا؟\r\nپايان';

  it('detects Windows-1256, records it as a guess and keeps Arabic yeh and every letter as it is', async () => {
    const bytes = iconv.encode(legacyPersian, 'windows-1256');
    const decoded = await decodeFromDisk(bytes);
    expect(decoded).toMatchObject({ encoding: 'windows-1256', guessed: true });
    expect(decoded.text).toBe(legacyPersian.replace('\r\n', '\n'));
    expect(decoded.text).toContain('\u064a');
    expect(decoded.text).not.toContain('\u06cc');
    for (const letter of ['گ', 'پ', 'چ', 'ژ', 'ک', '،', '؛', '؟']) expect(decoded.text).toContain(letter);
  });

  it('decodes a very short Windows-1256 file by the best guess instead of refusing it', async () => {
    for (const word of ['سلام', 'علي', 'پ']) {
      const decoded = await decodeFromDisk(iconv.encode(word, 'windows-1256'));
      expect(decoded).toMatchObject({ text: word, encoding: 'windows-1256', guessed: true });
    }
  });

  it('decodes every one of the 128 upper bytes when Windows-1256 is chosen (the code page defines them all)', async () => {
    const bytes = Buffer.from(Array.from({ length: 128 }, (_, index) => index + 0x80).concat([0x20, 0xc7, 0xe1, 0xd3, 0xe1, 0xc7, 0xe3]));
    const decoded = decodeArticle(bytes, { encoding: 'windows-1256' });
    expect(decoded).toMatchObject({ encoding: 'windows-1256', chosen: true, guessed: false, invalidBytes: 0, replacements: 0 });
    expect(decoded.text).not.toContain('\ufffd');
    expect(iconv.encode(decoded.text, 'windows-1256').equals(bytes)).toBe(true);
  });

  it.skipIf(!seedExists)(`reads the real Persian seed article re-encoded to Windows-1256${seedExists ? '' : ' (skipped: ../shared/data/fa-news-seed is absent)'}`, async () => {
    const original = await fs.readFile(seedArticle, 'utf8');
    const legacy = original.replace(/\u06cc/g, '\u064a');
    const bytes = iconv.encode(legacy, 'windows-1256');
    expect(iconv.decode(bytes, 'windows-1256')).toBe(legacy);
    const decoded = await decodeFromDisk(bytes);
    expect(decoded).toMatchObject({ text: legacy, encoding: 'windows-1256', guessed: true });
    // The file's bytes are untouched by reading it.
    expect(decoded.onDisk.equals(bytes)).toBe(true);
  });

  it.skipIf(!seedExists)(`reads the real seed article as UTF-8 exactly${seedExists ? '' : ' (skipped: ../shared/data/fa-news-seed is absent)'}`, async () => {
    const bytes = await fs.readFile(seedArticle);
    const decoded = decodeArticle(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', guessed: false, text: bytes.toString('utf8') });
    expect(Array.from(decoded.text).length).toBe(2478);
  });

  it('guesses a Latin legacy file (not Arabic script) from jschardet and says it is a guess', async () => {
    const text = 'Le café de la gare était fermé; les élèves sont arrivés très tôt à l’école. '.repeat(20);
    const decoded = await decodeFromDisk(iconv.encode(text, 'windows-1252'));
    expect(decoded.guessed).toBe(true);
    expect(decoded.text).toContain('café');
  });
});

describe('decodeArticle: unreadable files', () => {
  it('refuses binary files with NUL bytes, naming the reason', async () => {
    const file = path.join(folder, 'binary.txt');
    await fs.writeFile(file, Buffer.from([0x48, 0x69, 0x00, 0x01, 0x02, 0xff, 0xfe]));
    const error = decodeError(await fs.readFile(file));
    expect(error).toBeInstanceOf(UnreadableArticleError);
    expect(error.message).toMatch(/binary/);
  });

  it('names known binary formats (PDF, ZIP, PNG, JPEG)', () => {
    expect(decodeError(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')).message).toMatch(/PDF/);
    expect(decodeError(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00])).message).toMatch(/ZIP/);
    expect(decodeError(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])).message).toMatch(/PNG/);
    expect(decodeError(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10])).message).toMatch(/JPEG/);
  });

  it('refuses text full of control bytes', () => {
    const bytes = Buffer.from(Array.from({ length: 200 }, (_, index) => (index % 3 === 0 ? 0x01 : 0x41)));
    expect(decodeError(bytes).message).toMatch(/control bytes/);
  });

  it('refuses random bytes (a NUL turns up)', () => {
    let seed = 7;
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >>> 23;
    }));
    expect(() => decodeArticle(bytes)).toThrow(UnreadableArticleError);
  });
});

describe('sniffUnreadableReason', () => {
  it('passes text in every supported encoding, including UTF-16 whose NULs are legitimate', () => {
    expect(sniffUnreadableReason(Buffer.from(persian, 'utf8'))).toBeNull();
    expect(sniffUnreadableReason(iconv.encode('abc', 'utf-16le', { addBOM: true }))).toBeNull();
    expect(sniffUnreadableReason(iconv.encode('abc', 'utf-16be', { addBOM: true }))).toBeNull();
    expect(sniffUnreadableReason(iconv.encode('سلام', 'windows-1256'))).toBeNull();
    expect(sniffUnreadableReason(new Uint8Array(0))).toBeNull();
  });

  it('flags a byte-order mark followed by invalid bytes, but not a character cut off by the sample end', () => {
    expect(sniffUnreadableReason(Buffer.from([0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28]))).toMatch(/UTF-8 byte-order mark/);
    expect(sniffUnreadableReason(Buffer.from([0xfe, 0xff, 0xdc, 0x00, 0x00, 0x41]))).toMatch(/UTF-16BE/);
    // 3 BOM bytes + 4094 two-byte letters + the first byte of the next one = exactly the sample length.
    const head = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('س'.repeat(4095), 'utf8')]).subarray(0, SNIFF_LENGTH);
    expect(head.length).toBe(SNIFF_LENGTH);
    expect(sniffUnreadableReason(head)).toBeNull();
    const utf16Head = iconv.encode('😀'.repeat(3000), 'utf-16le', { addBOM: true }).subarray(0, SNIFF_LENGTH - 1);
    expect(sniffUnreadableReason(utf16Head)).toBeNull();
  });

  it('flags UTF-16 without a byte-order mark as binary and says why', () => {
    expect(sniffUnreadableReason(Buffer.from('abc', 'utf16le'))).toMatch(/byte-order mark/);
  });
});
