import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ArticleEntry } from '../../shared/ipc';
import { parseAnnotationFile } from '../../shared/model/readAnnotationFile';
import { annotationPathFor } from './annotationStore';
import { toArticleId } from './corpusPaths';

const IGNORED_FOLDERS = new Set(['node_modules', '.git']);

function isArticleFile(name: string): boolean {
  return name.toLowerCase().endsWith('.txt') && !name.startsWith('.');
}

async function listArticleFiles(root: string, folder: string, found: string[]): Promise<void> {
  const entries = await fs.readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || IGNORED_FOLDERS.has(entry.name) || entry.name.endsWith('.annotators')) continue;
      await listArticleFiles(root, path.join(folder, entry.name), found);
    } else if (entry.isFile() && isArticleFile(entry.name)) {
      found.push(path.join(folder, entry.name));
    }
  }
}

async function describeArticle(root: string, articlePath: string): Promise<ArticleEntry> {
  const id = toArticleId(root, articlePath);
  const slash = id.lastIndexOf('/');
  const base: ArticleEntry = {
    id,
    name: path.basename(articlePath),
    folder: slash === -1 ? '' : id.slice(0, slash),
    status: 'new',
    annotationCount: 0,
    problem: null,
  };
  let raw: string;
  try {
    raw = await fs.readFile(annotationPathFor(articlePath), 'utf8');
  } catch {
    return base;
  }
  const parsed = parseAnnotationFile(raw);
  if (!parsed.ok) return { ...base, problem: `Annotation file: ${parsed.problem.message}` };
  return { ...base, status: parsed.file.status, annotationCount: parsed.file.annotations.length };
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Lists every article (`*.txt`) under the root with its status, sorted by folder and name. */
export async function scanCorpus(root: string): Promise<ArticleEntry[]> {
  const files: string[] = [];
  await listArticleFiles(root, root, files);
  const entries = await Promise.all(files.map((file) => describeArticle(root, file)));
  return entries.sort((a, b) => collator.compare(a.id, b.id));
}
