// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createOffsetConverter } from '../../../../shared/anchoring/offsets';
import { splitParagraphs } from '../../../../shared/text/paragraphs';
import { resolveZoneTypes } from '../../../../shared/zones/zoneTypeResolution';
import { articleViewActions } from '../../store/articleViewStore';
import { corpusViewActions } from '../../store/corpusViewStore';
import { documentActions } from '../../store/documentStore';
import { preferencesActions } from '../../store/preferencesStore';
import { ZoneBar } from './ZoneBar';

const TEXT = 'وزیر گفت: «ما ادامه می‌دهیم.»\nانتهای پیام/';

function open(language: 'fa' | 'en', zoneTypes: ReturnType<typeof resolveZoneTypes> | undefined): void {
  preferencesActions.changeDisplay({ language });
  corpusViewActions.showCorpus({
    name: 'c',
    displayPath: '/c',
    mode: 'native',
    articles: [],
    tagSet: { source: 'hashiye.json', problem: null, userProblems: [], types: [], ...(zoneTypes ? { zoneTypes } : {}) },
  });
  articleViewActions.showArticle({ id: 'a.txt', name: 'a.txt', text: TEXT, sha256: 'x', encoding: 'utf-8', encodingGuessed: false, paragraphs: splitParagraphs(TEXT), converter: createOffsetConverter(TEXT), problem: null, orphans: [], reanchored: null });
  documentActions.load({
    articleId: 'a.txt',
    annotations: [],
    relations: [],
    labels: [],
    status: 'in-progress',
    zones: [{ id: 'Z1', type: 'quote', start: 10, end: 26 } as never, { id: 'Z2', type: 'sidebar', start: 27, end: 39 } as never],
  });
}

afterEach(cleanup);

describe('the zone bar with zone types the tag set adds (#21)', () => {
  it('offers the built-in types and the added one in its colour; an unknown type is kept, neutral and reported', () => {
    open('fa', resolveZoneTypes([{ id: 'quote', label: { fa: 'نقل‌قول', en: 'Quote' }, color: '#2e8b57' }]));
    const { container } = render(<ZoneBar />);
    const offered = [...container.querySelectorAll('[data-zone-type]')].map((button) => button.getAttribute('data-zone-type'));
    expect(offered).toEqual(['headline', 'body', 'boilerplate', 'quote']);
    const quote = container.querySelector('[data-zone-type="quote"]') as HTMLElement;
    expect(quote.textContent).toContain('نقل‌قول');
    expect(quote.style.borderColor).toBe('rgb(46, 139, 87)');
    expect((container.querySelector('[data-zone-type="boilerplate"]') as HTMLElement).style.borderColor).toBe('');
    const known = container.querySelector('[data-zone-chip-type="quote"]') as HTMLElement;
    expect(known.className).toBe('zone-chip zone-quote');
    expect(known.textContent).toContain('۱۰–۲۶');
    const unknown = container.querySelector('[data-zone-chip-type="sidebar"]') as HTMLElement;
    expect(unknown.className).toBe('zone-chip zone-unknown');
    expect(unknown.style.borderColor).toBe('');
    expect(screen.getByTestId('unknown-zone-types').textContent).toContain('sidebar');
  });

  it('without zone types from the tag set (a brat corpus, an old main) offers the built-in three, in English too', () => {
    open('en', undefined);
    const { container } = render(<ZoneBar />);
    expect([...container.querySelectorAll('[data-zone-type]')].map((button) => button.textContent)).toEqual(['+ headline', '+ body', '+ boilerplate']);
    // «quote» is now unknown too: both named, once each.
    expect(screen.getByTestId('unknown-zone-types').textContent).toMatch(/not in the tag set.*quote.*sidebar/);
  });
});
