import { describe, expect, it } from 'vitest';
import { FOOTER_BODIES, FOOTER_LINES, footerArticle } from '../../electron/services/testing/footerCorpus';
import { proposeFooters } from './repeatedFooters';
import type { Zone } from '../documentLabels/judgmentFormat';

const articles = FOOTER_BODIES.map((body, index) => ({ id: `news${index + 1}.txt`, text: footerArticle(body, 1000 + index) }));
const footerStart = (text: string) => Array.from(text.slice(0, text.indexOf('انتهای پیام'))).length;

describe('repeated-footer proposals (#21)', () => {
  it('proposes the end-of-news line and the menu lines after it in every article that ends with them', () => {
    const proposals = proposeFooters([...articles, { id: 'plain.txt', text: 'یک خبر.\nدوم.\n' }], 3);
    expect(proposals.map((proposal) => proposal.articleId)).toEqual(['news1.txt', 'news2.txt', 'news3.txt', 'news4.txt']);
    for (const proposal of proposals) {
      const text = articles.find((article) => article.id === proposal.articleId)?.text ?? '';
      expect(proposal.start).toBe(footerStart(text));
      expect(proposal.end).toBe(Array.from(text).length);
      expect(Array.from(text).slice(proposal.start, proposal.end).join('')).toMatch(/^انتهای پیام\/ \d+\nاخبار پیشنهادی/);
    }
    // One group though each marker line carries its own code.
    expect(new Set(proposals.map((proposal) => proposal.key)).size).toBe(1);
    expect(proposals[0].articles).toBe(4);
  });

  it('without a marker, a trailing block recurring in enough articles is proposed; below the threshold it is not', () => {
    const unmarked = FOOTER_BODIES.map((body, index) => ({ id: `u${index}`, text: `${body}\n${FOOTER_LINES.join('\n')}` }));
    expect(proposeFooters(unmarked, 3).map((proposal) => proposal.articleId)).toEqual(['u0', 'u1', 'u2', 'u3']);
    expect(proposeFooters(unmarked.slice(0, 2), 3)).toEqual([]);
    // Letter forms folded: Arabic yeh and kaf in one copy are the same footer.
    const arabic = { id: 'ar', text: `متن.\n${FOOTER_LINES.join('\n').replaceAll('ی', 'ي')}` };
    expect(proposeFooters([...unmarked.slice(0, 2), arabic], 3).map((proposal) => proposal.articleId)).toEqual(['u0', 'u1', 'ar']);
  });

  it('leaves out articles whose footer is already boilerplate, or was rejected there', () => {
    const [first, second, ...rest] = articles;
    const text = first.text;
    const zones = [{ id: 'Z1', type: 'boilerplate', start: footerStart(text) - 2, end: Array.from(text).length }] as Zone[];
    const key = proposeFooters(articles)[0].key;
    const proposals = proposeFooters([{ ...first, zones }, { ...second, rejected: [key] }, ...rest]);
    expect(proposals.map((proposal) => proposal.articleId)).toEqual(['news3.txt', 'news4.txt']);
  });

  it('the end-of-news marker alone is enough in a single article; a text that is all footer is not proposed whole', () => {
    expect(proposeFooters([articles[0]], 3)).toHaveLength(1);
    expect(proposeFooters([{ id: 'x', text: 'انتهای پیام/\nاخبار پیشنهادی' }], 3)).toEqual([]);
  });
});
