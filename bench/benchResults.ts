import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Adds one bench file's figures to the run's results file, which several bench files fill in one run. */
export async function recordFigures(resultsFile: string, figures: Record<string, unknown>): Promise<void> {
  let current: Record<string, unknown> = {};
  try {
    current = JSON.parse(await fs.readFile(resultsFile, 'utf8')) as Record<string, unknown>;
  } catch {
    // First figures of the run.
  }
  await fs.mkdir(path.dirname(resultsFile), { recursive: true });
  await fs.writeFile(resultsFile, JSON.stringify({ ...current, ...figures }, null, 2));
}
