import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * (#18) A folder whose files no longer fit on one screen has more than one reason to change:
 * no folder of production code holds more than 15 source files, tests aside.
 */
const MAX_SOURCES_PER_FOLDER = 15;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function foldersOverLimit(files: readonly string[], limit = MAX_SOURCES_PER_FOLDER): string[] {
  const counts = new Map<string, number>();
  for (const file of files) {
    if (!/\.tsx?$/.test(file) || /\.test\.tsx?$/.test(file) || file.endsWith('.d.ts')) continue;
    const folder = path.posix.dirname(file);
    counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts].filter(([, count]) => count > limit).map(([folder, count]) => `${folder}: ${count} source files (at most ${limit})`);
}

describe('folder size rule', () => {
  it('no folder of electron/, renderer/ or shared/ holds more than 15 source files', () => {
    const files = execFileSync('git', ['ls-files', 'electron', 'renderer', 'shared'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    expect(foldersOverLimit(files)).toEqual([]);
  });

  it('counts sources only: a sixteenth source fails, tests and declarations do not count', () => {
    const sources = Array.from({ length: 15 }, (_, index) => `renderer/src/x/file${index}.ts`);
    expect(foldersOverLimit([...sources, 'renderer/src/x/a.test.ts', 'renderer/src/x/b.test.tsx', 'renderer/src/x/c.d.ts'])).toEqual([]);
    expect(foldersOverLimit([...sources, 'renderer/src/x/Extra.tsx'])).toEqual(['renderer/src/x: 16 source files (at most 15)']);
  });
});
