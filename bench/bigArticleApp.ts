import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { launchApp } from '../e2e/harness';
import { writeBigArticle } from './benchInputs';
import { installFrameMarks, openArticleTimed } from './pageProbes';

type LaunchedApp = Awaited<ReturnType<typeof launchApp>>;

const SMALL_NAME = 'a-short-article.txt';

/**
 * The app opened on the 1 MB article (10,000 annotations, `relations` relations) in `folder`,
 * written there the first time: launched on a short article first, then the big one opened as
 * an analyst would, with the relation arcs drawn when there are any; with its paragraph count.
 * The caller closes the app.
 */
export async function openBigArticleApp(folder: string, name: string, relations: number): Promise<{ app: LaunchedApp; paragraphs: number }> {
  if (!existsSync(path.join(folder, name))) {
    await writeBigArticle(folder, { name, bytes: 1_000_000, annotations: 10_000, relations });
    await fs.writeFile(path.join(folder, SMALL_NAME), 'متن کوتاهی برای شروع.\n');
  }
  const paragraphs = (await fs.readFile(path.join(folder, name), 'utf8')).split('\n').length;
  const app = await launchApp({ corpus: folder, host: 'chromium', annotator: 'bench' });
  try {
    const page = app.page;
    await page.evaluate(installFrameMarks);
    await page.locator('[data-testid="file-list"] button', { hasText: SMALL_NAME }).click();
    await page.locator('.file.current', { hasText: SMALL_NAME }).waitFor();
    await page.evaluate(openArticleTimed, { name, paragraphs });
    if (relations > 0) await page.locator('[data-relation-id]').first().waitFor();
    return { app, paragraphs };
  } catch (error) {
    await app.close();
    throw error;
  }
}
