import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseAnnotationConf, type AnnotationConf } from '../../../shared/brat/annotationConf';
import { checkStandoff, type StandoffProblem } from '../../../shared/brat/standoffCheck';
import { walkCorpus, type ListedCorpus } from '../corpus/articleFiles';
import { readAnnotationText, readArticleBytes, readConfigurationFile } from '../corpus/confinedReaders';
import { BRAT_ANNOTATION_SUFFIX, findAnnotationConf } from './bratStore';

/**
 * A brat corpus as `validate`, `stats` and `export` see it: the `.ann` files without their
 * `.txt` (and, in a brat corpus, the `.txt` files without an `.ann`), and each `.ann` checked
 * line by line (shared/brat/standoffCheck.ts). Paths are relative to the corpus, forward slashes.
 */
export interface BratOrphans {
  /** True when the corpus is a brat corpus (an annotation.conf, or a NAME.ann beside its NAME.txt). */
  brat: boolean;
  annFiles: string[];
  /** `.ann` files whose `.txt` is missing: brat cannot show them and nothing reads them. */
  annWithoutText: string[];
  /** In a brat corpus, articles without an `.ann` (brat would show them unannotated). */
  textWithoutAnn: string[];
}

export interface BratFileProblem extends StandoffProblem {
  /** The `.ann` (or annotation.conf), relative to the corpus. */
  file: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

async function listAnnFiles(root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.endsWith('.annotators')) await walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      } else if (entry.isFile() && entry.name.endsWith(BRAT_ANNOTATION_SUFFIX)) {
        found.push(prefix + entry.name);
      }
    }
  };
  await walk(root, '');
  return found.sort();
}

const textOf = (ann: string): string => `${ann.slice(0, -BRAT_ANNOTATION_SUFFIX.length)}.txt`;

/**
 * The orphans of a corpus, the same list for validate, stats and export. `walked`: the corpus's
 * walk (walkCorpus) when the caller has just made it (#25: the export lists the corpus itself;
 * its walk is taken instead of a second one).
 */
export async function findBratOrphans(root: string, walked?: Pick<ListedCorpus, 'ids' | 'brat'>): Promise<BratOrphans> {
  // (#25) The listing's walk says whether it is a brat corpus too (as isBratCorpus would find): one walk of the folders less.
  const [annFiles, { ids: articles, brat }] = await Promise.all([listAnnFiles(root), walked ?? walkCorpus(root)]);
  const articleSet = new Set(articles);
  const annSet = new Set(annFiles);
  return {
    brat,
    annFiles,
    annWithoutText: annFiles.filter((ann) => !articleSet.has(textOf(ann))),
    textWithoutAnn: brat ? articles.filter((article) => /\.txt$/i.test(article) && !annSet.has(`${article.slice(0, -4)}${BRAT_ANNOTATION_SUFFIX}`)) : [],
  };
}

/** The annotation.conf brat would use for a folder of the corpus, parsed (memoized by path); null when none. */
async function confFor(root: string, folder: string, cache: Map<string, AnnotationConf | null>, problems: BratFileProblem[]): Promise<AnnotationConf | null> {
  const file = await findAnnotationConf(root, folder);
  if (file === null) return null;
  if (cache.has(file)) return cache.get(file) ?? null;
  const read = await readConfigurationFile(root, file);
  const conf = read.kind === 'read' ? parseAnnotationConf(read.text) : null;
  const relative = path.relative(root, file).split(path.sep).join('/');
  if (read.kind === 'refused') problems.push({ file: relative, line: 0, kind: 'conf', message: read.message });
  for (const problem of conf?.problems ?? []) problems.push({ file: relative, line: problem.line, kind: 'conf', message: problem.message });
  cache.set(file, conf);
  return conf;
}

/** Every `.ann` of the corpus checked against its text and annotation.conf; each problem with file and line. */
export async function checkBratFiles(root: string, orphans: BratOrphans): Promise<BratFileProblem[]> {
  const problems: BratFileProblem[] = [];
  const confs = new Map<string, AnnotationConf | null>();
  const missing = new Set(orphans.annWithoutText);
  for (const file of orphans.annFiles) {
    const absolute = path.join(root, ...file.split('/'));
    let ann: string | null;
    let text: string | null = null;
    try {
      ann = await readAnnotationText(root, absolute);
      if (!missing.has(file)) text = (await readArticleBytes(root, path.join(root, ...textOf(file).split('/')))).bytes.toString('utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      problems.push({ file, line: 0, kind: 'syntax', message: `Cannot read: ${(error as Error).message}` });
      continue;
    }
    if (ann === null) continue;
    const conf = await confFor(root, path.dirname(absolute), confs, problems);
    for (const problem of checkStandoff(ann, text, conf)) problems.push({ file, ...problem });
  }
  return problems;
}
