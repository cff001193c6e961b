import type { Page } from '@playwright/test';
import { expect, makeCorpus, openArticleNamed, screenshot, test } from './fixtures';
import { dragSelect } from './textGestures';

/**
 * Issue #19: find hits never hide tag colours. A tagged span under a find hit is photographed
 * with the find bar open and again with it closed; the tag's colour (the most common colour of
 * the span's box without find) must cover about as much of the box with the hits shown.
 */

/** Pixels of a PNG as [r, g, b] triples, decoded by the page itself (createImageBitmap needs no img-src). */
async function colourShares(page: Page, png: Buffer): Promise<Record<string, number>> {
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = bitmap.width;
    canvas.height = bitmap.height;
    const context = canvas.getContext('2d');
    if (!context) return {};
    context.drawImage(bitmap, 0, 0);
    const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const counts: Record<string, number> = {};
    for (let index = 0; index < data.length; index += 4) {
      // Coarse buckets: anti-aliasing and compression noise fall in the same colour.
      const key = [data[index], data[index + 1], data[index + 2]].map((value) => Math.round(value / 8)).join(',');
      counts[key] = (counts[key] ?? 0) + 1;
    }
    const total = data.length / 4;
    return Object.fromEntries(Object.entries(counts).map(([key, count]) => [key, count / total]));
  }, png.toString('base64'));
}

test('find hits over a tagged span leave the tag colour visible', async ({ launch }) => {
  const corpus = await makeCorpus({ 'a.txt': 'نشست سازمان ملل متحد در نیویورک برگزار شد.\n' });
  const { page } = await launch({ corpus });
  await openArticleNamed(page, 'a.txt');
  await dragSelect(page, 'سازمان ملل متحد');
  await page.keyboard.press('Digit2');
  const mark = page.locator('[data-annotation-id][data-entity-type="ORG"]').first();
  await expect(mark).toHaveCount(1);
  await page.getByTestId('article').click();
  await page.keyboard.press('Control+KeyF');
  await page.getByTestId('find-input').fill('سازمان ملل متحد');
  await expect(page.getByTestId('find-count')).toHaveAttribute('data-count', '1');
  const box = await mark.boundingBox();
  if (!box) throw new Error('the tagged span has no box');
  const withFind = await colourShares(page, await page.screenshot({ clip: box }));
  await screenshot(page, 'find-over-tag-fa');

  await page.keyboard.press('Escape');
  await expect(page.getByTestId('find-input')).toHaveCount(0);
  // The find bar's closing moves the article: the span's box is measured again.
  const after = await mark.boundingBox();
  if (!after) throw new Error('the tagged span has no box');
  const withoutFind = await colourShares(page, await page.screenshot({ clip: after }));
  const [tagColour, tagShare] = Object.entries(withoutFind).sort((a, b) => b[1] - a[1])[0];
  // The tag's own colour fills the span's box without find, and is not the page's white.
  expect(tagShare).toBeGreaterThan(0.4);
  expect(tagColour).not.toBe('32,32,32');
  // With the hit shown, the same colour still covers nearly as much of the box.
  expect(withFind[tagColour] ?? 0).toBeGreaterThan(tagShare * 0.8);
});
