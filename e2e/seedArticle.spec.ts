import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './browserLocation';
import { codePointIndexOf, expect, expectFileSoon, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { dragSelect } from './textGestures';

/**
 * A new analyst's first minutes on the real scraped article (`../shared/data/fa-news-seed`): open
 * it at a laptop's and a desktop's size, in Persian and in English, tag a person, and find the
 * span on disk at the right code points. The article is team data, not the project's: without
 * it the test is skipped and says why.
 */
const SEED_FOLDER = path.resolve(projectRoot, '..', 'shared', 'data', 'fa-news-seed');
const SEED_ARTICLE = '000_71c9989fa90c9667.txt';
const seedPresent = existsSync(path.join(SEED_FOLDER, SEED_ARTICLE));

const viewports = [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
];
const locales = ['fa-IR', 'en-US'];

for (const viewport of viewports) {
  for (const locale of locales) {
    test(`the seed article opens and tags at ${viewport.width}×${viewport.height} in ${locale}`, async ({ launch }) => {
      test.skip(!seedPresent, `The seed article is not here (${SEED_FOLDER} is missing: a fresh clone has no ../shared).`);
      const bytes = await fs.readFile(path.join(SEED_FOLDER, SEED_ARTICLE));
      const corpus = await makeCorpus({ [SEED_ARTICLE]: bytes });
      const text = bytes.toString('utf8').replace(/\r\n?/g, '\n');
      const { page } = await launch({ corpus, viewport, locale });
      await openArticleNamed(page, SEED_ARTICLE);
      await expect(page.getByTestId('article')).toContainText('سرلشکر باقری');
      await dragSelect(page, 'سرلشکر باقری');
      await page.keyboard.press('Digit1');
      await expect(page.locator('[data-annotation-id][data-entity-type="PER"]')).toHaveCount(1);
      const saved = await expectFileSoon(corpus, SEED_ARTICLE, (file) => {
        if (file.annotations.length !== 1) throw new Error('not yet');
      });
      const start = codePointIndexOf(text, 'سرلشکر باقری');
      expect(saved.annotations[0]).toMatchObject({ type: 'PER', text: 'سرلشکر باقری', start, end: start + Array.from('سرلشکر باقری').length });
      await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'saved');
      await screenshot(page, `seed-article-${viewport.width}x${viewport.height}-${locale}`);
      expect(await fs.readFile(path.join(corpus, SEED_ARTICLE))).toEqual(bytes);
    });
  }
}
