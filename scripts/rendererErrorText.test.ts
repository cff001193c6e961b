import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Errors from main cross as coded problems (shared/userProblem.ts UserProblemSchema, decoded once in
 * renderer/src/ipcError.ts); their English text is for logs and tooltips. No renderer source
 * may decide anything by reading that text: no pattern or substring test on a message.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const READS_MESSAGE_TEXT = [
  /\.(message|detail)\b[^;\n]*\.(match|matchAll|search|includes|startsWith|endsWith|indexOf)\(/,
  /\/[^/\n]+\/[a-z]*\.(test|exec)\([^)\n]*(message|detail)\b/,
];

async function sources(folder: string): Promise<string[]> {
  const entries = await fs.readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

describe('the renderer reads problems by code, never error text', () => {
  it('finds the patterns it looks for', () => {
    expect(READS_MESSAGE_TEXT.some((pattern) => pattern.test("if (error.message.includes('locked')) retry();"))).toBe(true);
    expect(READS_MESSAGE_TEXT.some((pattern) => pattern.test('const busy = /already running/.test(error.message);'))).toBe(true);
    expect(READS_MESSAGE_TEXT.some((pattern) => pattern.test('<p title={problem.message}>{text(problem.code)}</p>'))).toBe(false);
  });

  it('no renderer source tests a message’s text', async () => {
    const offending: string[] = [];
    for (const file of await sources(path.join(root, 'renderer', 'src'))) {
      const lines = (await fs.readFile(file, 'utf8')).split('\n');
      lines.forEach((line, index) => {
        if (READS_MESSAGE_TEXT.some((pattern) => pattern.test(line))) offending.push(`${path.relative(root, file)}:${index + 1}: ${line.trim()}`);
      });
    }
    expect(offending).toEqual([]);
  });
});
