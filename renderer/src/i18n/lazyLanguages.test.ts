import { describe, expect, it } from 'vitest';
import { lazyLanguages } from './lazyLanguages';
import { messages } from './messages';

describe('lazyLanguages', () => {
  it('makes a language’s table when it is first read, once, and never the other one', () => {
    const made: string[] = [];
    const tables = lazyLanguages(
      () => (made.push('en'), { hello: 'Hello' }),
      () => (made.push('fa'), { hello: 'سلام' }),
    );
    expect(made).toEqual([]);
    expect(tables.fa.hello).toBe('سلام');
    expect(tables.fa).toBe(tables.fa);
    expect(made).toEqual(['fa']);
    expect(tables.en.hello).toBe('Hello');
    expect(made).toEqual(['fa', 'en']);
  });

  it('gives the UI messages in both languages, with the same keys', () => {
    expect(Object.keys(messages.fa).sort()).toEqual(Object.keys(messages.en).sort());
    expect(messages.en.appName).toBe('Hashiye');
    expect(messages.fa.appName).toBe('حاشیه');
  });
});
