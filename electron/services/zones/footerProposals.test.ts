import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { decodeArticle } from '../article/articleDecoder';
import { saveAnnotations } from '../storage/annotationStore';
import { makeFooterCorpus } from '../testing/footerCorpus';
import { decideFooter, FooterScanCancelledError, REJECTED_FOOTERS_FIELD, scanFooterProposals } from './footerProposals';

let root = '';
afterEach(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
  root = '';
});

const SEED = path.resolve(__dirname, '../../../../shared/data/fa-news-seed');
const SEED_FILE = '000_71c9989fa90c9667.txt';

const readFile = async (name: string) => JSON.parse(await fs.readFile(path.join(root, name), 'utf8'));

describe('repeated-footer proposals across a corpus (#21)', () => {
  it('finds the shared footer in the four news articles, not in the plain one', async () => {
    root = await makeFooterCorpus();
    const scan = await scanFooterProposals(root);
    expect(scan).toMatchObject({ scanned: 5, truncated: false });
    expect(scan.proposals.map((proposal) => proposal.articleId).sort()).toEqual(['news1.txt', 'news2.txt', 'news3.txt', 'news4.txt']);
    expect((await scanFooterProposals(root, { maxArticles: 2 })).truncated).toBe(true);
    const controller = new AbortController();
    controller.abort();
    await expect(scanFooterProposals(root, { signal: controller.signal })).rejects.toThrow(FooterScanCancelledError);
  });

  it('corpus-wide accept writes a boilerplate zone into each file, keeping what another writer saved there', async () => {
    root = await makeFooterCorpus();
    const { proposals } = await scanFooterProposals(root);
    // Meanwhile another writer tags news2 and gives it a zone of its own.
    const news2 = path.join(root, 'news2.txt');
    const text2 = await fs.readFile(news2, 'utf8');
    await saveAnnotations(news2, decodeArticle(Buffer.from(text2)), {
      status: 'in-progress',
      annotations: [{ id: 'T1', type: 'ORG', start: 0, end: 10, text: Array.from(text2).slice(0, 10).join('') }],
      relations: [],
      labels: [],
      zones: [{ id: 'Z1', type: 'headline', start: 0, end: 5 } as never],
    });
    const result = await decideFooter(root, proposals[0].key, proposals.map((proposal) => proposal.articleId), 'accept');
    expect(result.written.sort()).toEqual(['news1.txt', 'news2.txt', 'news3.txt', 'news4.txt']);
    for (const proposal of proposals) {
      const file = await readFile(proposal.articleId.replace('.txt', '.ann.json'));
      const zone = file.zones.find((candidate: { type: string }) => candidate.type === 'boilerplate');
      expect(zone).toMatchObject({ start: proposal.start, end: proposal.end });
      const text = Array.from(await fs.readFile(path.join(root, proposal.articleId), 'utf8'));
      expect(text.slice(zone.start, zone.end).join('')).toMatch(/^انتهای پیام\//);
    }
    const second = await readFile('news2.ann.json');
    expect(second.annotations.map((annotation: { id: string }) => annotation.id)).toEqual(['T1']);
    expect(second.zones.map((zone: { id: string; type: string }) => `${zone.id}:${zone.type}`)).toEqual(['Z1:headline', 'Z2:boilerplate']);
    expect(second.status).toBe('in-progress');
    // Accepted footers are no longer proposed; accepting again writes nothing.
    expect((await scanFooterProposals(root)).proposals).toEqual([]);
    expect((await decideFooter(root, proposals[0].key, ['news1.txt'], 'accept')).written).toEqual([]);
  });

  it('a reject is remembered in the article’s file; the others are still proposed; a broken file is left alone', async () => {
    root = await makeFooterCorpus();
    await fs.writeFile(path.join(root, 'news4.ann.json'), '{ broken');
    const { proposals } = await scanFooterProposals(root);
    expect(proposals.map((proposal) => proposal.articleId).sort()).toEqual(['news1.txt', 'news2.txt', 'news3.txt']);
    const key = proposals[0].key;
    const rejected = await decideFooter(root, key, ['news1.txt', 'news4.txt'], 'reject');
    expect(rejected.written).toEqual(['news1.txt']);
    expect(rejected.skipped.map((entry) => entry.id)).toEqual(['news4.txt']);
    expect((await readFile('news1.ann.json'))[REJECTED_FOOTERS_FIELD]).toEqual([key]);
    expect(await fs.readFile(path.join(root, 'news4.ann.json'), 'utf8')).toBe('{ broken');
    expect((await scanFooterProposals(root)).proposals.map((proposal) => proposal.articleId).sort()).toEqual(['news2.txt', 'news3.txt']);
  });

  it.skipIf(!existsSync(path.join(SEED, SEED_FILE)))('the seed article’s footer («انتهای پیام/» and the menu lines) is proposed and accepted (skipped when ../shared/data/fa-news-seed is absent)', async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-seed-footer-'));
    await fs.copyFile(path.join(SEED, SEED_FILE), path.join(root, SEED_FILE));
    const { proposals } = await scanFooterProposals(root);
    expect(proposals).toHaveLength(1);
    const text = Array.from(await fs.readFile(path.join(root, SEED_FILE), 'utf8'));
    const footer = text.slice(proposals[0].start, proposals[0].end).join('');
    expect(footer.startsWith('انتهای پیام/\nاخبار پیشنهادی\nتبادل نظر\nآدرس ایمیل خود را')).toBe(true);
    expect(text.slice(0, proposals[0].start).join('')).toContain('معیارهای دوگانه در این جهت حاکم نباشد.');
    await decideFooter(root, proposals[0].key, [SEED_FILE], 'accept');
    const file = await readFile(SEED_FILE.replace('.txt', '.ann.json'));
    expect(file.zones).toEqual([{ id: 'Z1', type: 'boilerplate', start: proposals[0].start, end: text.length }]);
  });
});
