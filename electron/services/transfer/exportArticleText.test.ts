import { createHash } from 'node:crypto';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeArticle, type DecodeOptions } from '../article/articleDecoder';
import { exportArticleText } from './exportArticleText';

const PERSIAN = 'وزیر امور خارجه ایران فوق‌العاده به دمشق رفت 👍🏽 𝒜 و با همتای خود دیدار کرد.';

function sha(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Article bytes of every kind the decoder tells apart. */
const ARTICLES: Record<string, Uint8Array> = {
  utf8: Buffer.from(PERSIAN, 'utf8'),
  crlf: Buffer.from(`${PERSIAN}\r\nخط دوم\rخط سوم\r\n`, 'utf8'),
  bom: Buffer.from(`\uFEFF${PERSIAN}\r\n`, 'utf8'),
  innerFeff: Buffer.from(`الف\uFEFFب`, 'utf8'),
  utf16le: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(PERSIAN, 'utf16le')]),
  windows1256: iconv.encode(PERSIAN.replace(/\u06cc/g, '\u064a').replace(/[^\u0600-\u06ff .]/gu, ''), 'windows-1256'),
  damaged: Buffer.concat([Buffer.from(PERSIAN, 'utf8'), Buffer.from([0xff, 0x20, 0xc3])]),
  nul: Buffer.from(`abc\u0000def`, 'utf8'),
  pdf: Buffer.from('%PDF-1.4 not really a pdf', 'utf8'),
  controls: Buffer.from('\u0001\u0002\u0003\u0004abc', 'utf8'),
  empty: Buffer.alloc(0),
  loneSurrogateBytes: Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62]),
};

function recordsFor(bytes: Uint8Array): DecodeOptions['record'][] {
  const matching = sha(bytes);
  const other = sha(Buffer.from('another article'));
  const records: DecodeOptions['record'][] = [null, undefined];
  for (const encoding of ['utf-8', 'UTF-8', 'utf-8-bom', 'windows-1256', 'utf-16le', 'no-such-encoding']) {
    for (const chosen of [false, true]) {
      records.push({ sha256: matching, encoding, chosen }, { sha256: other, encoding, chosen });
    }
  }
  return records;
}

/** decodeArticle's text, or the message it throws. */
function outcome(decode: () => string): { text: string } | { error: string } {
  try {
    return { text: decode() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('exportArticleText (#25)', () => {
  it('gives the text decodeArticle gives, or throws what it throws, for every kind of bytes and record', () => {
    let compared = 0;
    for (const [name, bytes] of Object.entries(ARTICLES)) {
      for (const record of recordsFor(bytes)) {
        const expected = outcome(() => decodeArticle(bytes, { record }).text);
        expect(outcome(() => exportArticleText(bytes, record)), `${name} with ${JSON.stringify(record)}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('keeps CRLF turned into LF, characters beyond the BMP and a ZERO WIDTH NO-BREAK SPACE inside the text', () => {
    expect(exportArticleText(ARTICLES.crlf, null)).toBe(`${PERSIAN}\nخط دوم\nخط سوم\n`);
    expect(exportArticleText(ARTICLES.innerFeff, null)).toBe('الف\uFEFFب');
    expect(exportArticleText(ARTICLES.bom, null)).toBe(`${PERSIAN}\n`);
  });
});
