import { describe, expect, it } from 'vitest';
import { decodeUtf8Strictly, utf8Text } from './strictUtf8';

describe('decodeUtf8Strictly', () => {
  const persian = Buffer.from('سلام دنیا', 'utf8');
  const withMark = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), persian]);

  it('decodes UTF-8, keeping or dropping a leading byte-order mark as asked', () => {
    expect(decodeUtf8Strictly(persian, 'keep')).toBe('سلام دنیا');
    expect(decodeUtf8Strictly(withMark, 'keep')).toBe('\uFEFFسلام دنیا');
    expect(decodeUtf8Strictly(withMark, 'drop')).toBe('سلام دنیا');
  });

  it('gives null, never U+FFFD, for bytes that are not UTF-8', () => {
    const damaged = Buffer.concat([persian.subarray(0, 3), Buffer.from([0xff]), persian.subarray(3)]);
    expect(decodeUtf8Strictly(damaged, 'keep')).toBeNull();
    expect(decodeUtf8Strictly(damaged, 'drop')).toBeNull();
    // A character cut at the end is not UTF-8 either.
    expect(decodeUtf8Strictly(persian.subarray(0, persian.length - 1), 'drop')).toBeNull();
    // Windows-1256 «سلام».
    expect(decodeUtf8Strictly(Buffer.from([0xd3, 0xe1, 0xc7, 0xe3]), 'keep')).toBeNull();
  });

  it('is ready again after a refusal (the decoders are shared)', () => {
    expect(decodeUtf8Strictly(Buffer.from([0xe2, 0x82]), 'keep')).toBeNull();
    expect(decodeUtf8Strictly(Buffer.from('€', 'utf8'), 'keep')).toBe('€');
  });
});

describe('decodeUtf8Strictly against a fatal TextDecoder', () => {
  const fatal = (bytes: Uint8Array, ignoreBOM: boolean) => {
    try {
      return new TextDecoder('utf-8', { fatal: true, ignoreBOM }).decode(bytes);
    } catch {
      return null;
    }
  };

  it('agrees on every edge of UTF-8: surrogates, overlong forms, past U+10FFFF, cut sequences, marks', () => {
    const cases = [
      [0xed, 0xa0, 0x80], // a surrogate
      [0xc0, 0xaf], // overlong «/»
      [0xe0, 0x80, 0xaf],
      [0xf4, 0x90, 0x80, 0x80], // past U+10FFFF
      [0xf0, 0x9f, 0x98], // cut
      [0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x61], // two marks: only the first is dropped
      [0xef, 0xbb, 0xbf],
      [0xef, 0xbb],
      [],
      [0xf0, 0x9f, 0x98, 0x80, 0x7b, 0x7d], // 😀{}
    ];
    for (const bytes of cases.map((list) => Uint8Array.from(list))) {
      expect(decodeUtf8Strictly(bytes, 'keep')).toBe(fatal(bytes, true));
      expect(decodeUtf8Strictly(bytes, 'drop')).toBe(fatal(bytes, false));
    }
  });

  it('agrees on random bytes and random text, from a Uint8Array view as from a Buffer', () => {
    let seed = 17;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: Math.floor(random() * 20) }, () => String.fromCodePoint(Math.floor(random() * 0x10ffff)).replace(/[\ud800-\udfff]/g, 'a')).join('');
      const encoded = Buffer.from(text, 'utf8');
      const noisy = Uint8Array.from(encoded, (byte) => (random() < 0.05 ? Math.floor(random() * 256) : byte));
      for (const bytes of [encoded, noisy, new Uint8Array(noisy.buffer, 0, noisy.length)]) {
        expect(decodeUtf8Strictly(bytes, 'keep')).toBe(fatal(bytes, true));
        expect(decodeUtf8Strictly(bytes, 'drop')).toBe(fatal(bytes, false));
      }
    }
  });
});

describe('utf8Text (#25: the export decodes through ICU)', () => {
  it('gives exactly toString("utf8")\'s text: ASCII, Persian, marks, four-byte characters, NUL, invalid bytes', () => {
    const texts = ['', 'plain ASCII {"a":1}\n', 'سلام دنیا', '\uFEFFسلام', '\uFEFF', '😀 ایران 𝄞', 'a\u0000b', '\u0080\u07FF\u0800\uFFFF\u{10000}\u{10FFFF}', 'می\u200Cخواهند\r\n'];
    const invalid = [[0xff], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf0, 0x9f, 0x98], [0x61, 0xe2, 0x82]].map((list) => Buffer.from(list));
    for (const bytes of [...texts.map((text) => Buffer.from(text, 'utf8')), ...invalid]) expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
  });

  it('agrees with toString("utf8") on random text, valid and damaged, in a view of a larger buffer', () => {
    let seed = 29;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let round = 0; round < 500; round++) {
      const text = Array.from({ length: Math.floor(random() * 40) }, () => String.fromCodePoint(random() < 0.5 ? 0x600 + Math.floor(random() * 256) : Math.floor(random() * 0x10ffff)).replace(/[\ud800-\udfff]/g, 'a')).join('');
      const encoded = Buffer.from(`xx${text}yy`, 'utf8');
      const noisy = Buffer.from(encoded.map((byte) => (random() < 0.03 ? Math.floor(random() * 256) : byte)));
      for (const bytes of [encoded, noisy, encoded.subarray(2, encoded.length - 2), noisy.subarray(1, noisy.length - 1)]) expect(utf8Text(bytes)).toBe(bytes.toString('utf8'));
    }
  });
});
