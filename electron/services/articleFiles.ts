import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * What counts as an article of a corpus, in one place: every `*.txt` below the root, except
 * hidden files and folders, `node_modules`, `.git` and per-annotator folders (`NAME.annotators`).
 */
const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

export function isArticleFileName(name: string): boolean {
  return name.toLowerCase().endsWith('.txt') && !name.startsWith('.');
}

export function isCorpusSubfolder(name: string): boolean {
  return !name.startsWith('.') && !IGNORED_FOLDERS.has(name) && !name.endsWith('.annotators');
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Article ids (paths relative to the root, with `/`), in the order the corpus pane shows them. */
export async function listArticleIds(root: string): Promise<string[]> {
  const ids: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (isCorpusSubfolder(entry.name)) await walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.isFile() && isArticleFileName(entry.name)) {
        ids.push(prefix + entry.name);
      }
    }
  };
  await walk(root, '');
  return ids.sort((a, b) => collator.compare(a, b));
}
