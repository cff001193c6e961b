import { describe, expect, it } from 'vitest';
import { fillTemplate } from './template';

describe('fillTemplate', () => {
  it('writes numbers in the language digits and isolates text', () => {
    expect(fillTemplate('{count} in {name}', { count: 1234, name: 'a.txt' }, 'en')).toBe('1,234 in \u2068a.txt\u2069');
    expect(fillTemplate('{count} در {name}', { count: 12, name: 'a.txt' }, 'fa')).toBe('۱۲ در \u2068a.txt\u2069');
  });

  it('{count:one|other} gives the number with its noun in the plural form the language wants', () => {
    const template = '{hits:hit|hits} in {articles:article|articles}';
    expect(fillTemplate(template, { hits: 1, articles: 1 }, 'en')).toBe('1 hit in 1 article');
    expect(fillTemplate(template, { hits: 0, articles: 2 }, 'en')).toBe('0 hits in 2 articles');
    expect(fillTemplate(template, { hits: 1500, articles: 21 }, 'en')).toBe('1,500 hits in 21 articles');
    expect(fillTemplate('{count:relation or event role|relations and event roles}', { count: 1 }, 'en')).toBe('1 relation or event role');
  });

  it('leaves a placeholder without a value as it is', () => {
    expect(fillTemplate('{count:hit|hits} and {other}', { other: 'x' }, 'en')).toBe('{count:hit|hits} and \u2068x\u2069');
  });
});
