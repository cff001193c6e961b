import type { ArticleStatus } from './status';

/** What the file list needs to know of an article. */
export interface ListedArticle {
  id: string;
  name: string;
  folder: string;
  status: ArticleStatus;
  annotationCount: number;
  tags: readonly string[];
  assignee?: string | null;
  problem: string | null;
}

export type ArticleSort = 'name' | 'status' | 'count';

export interface ArticleFilter {
  text: string;
  status: ArticleStatus | 'unfinished' | '';
  tag: string;
  assignee: string;
  sort: ArticleSort;
}

export const EMPTY_FILTER: ArticleFilter = { text: '', status: '', tag: '', assignee: '', sort: 'name' };

export type FileRow<T extends ListedArticle> =
  | { kind: 'folder'; folder: string; depth: number; name: string; count: number; collapsed: boolean }
  | { kind: 'article'; article: T; depth: number };

const FINISHED: ReadonlySet<ArticleStatus> = new Set(['done', 'approved']);
const STATUS_ORDER: readonly ArticleStatus[] = ['new', 'in-progress', 'needs-review', 'rejected', 'done', 'approved'];

export function isUnfinished(status: ArticleStatus): boolean {
  return !FINISHED.has(status);
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function matches<T extends ListedArticle>(article: T, filter: ArticleFilter): boolean {
  if (filter.status === 'unfinished' ? !isUnfinished(article.status) : filter.status !== '' && article.status !== filter.status) return false;
  if (filter.tag !== '' && !article.tags.includes(filter.tag)) return false;
  if (filter.assignee !== '' && (article.assignee ?? '') !== filter.assignee) return false;
  const needle = filter.text.trim().toLocaleLowerCase();
  return needle === '' || article.id.toLocaleLowerCase().includes(needle);
}

function compare<T extends ListedArticle>(sort: ArticleSort): (a: T, b: T) => number {
  if (sort === 'status') return (a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) || collator.compare(a.id, b.id);
  if (sort === 'count') return (a, b) => b.annotationCount - a.annotationCount || collator.compare(a.id, b.id);
  return (a, b) => collator.compare(a.id, b.id);
}

/**
 * A copy of `list` in `compare`'s order. (#25) Main lists a corpus already in name order: the
 * check is one comparison an article, where sorting 10,000 again took a visible share of the
 * first listing's frame.
 */
function sortedCopy<T>(list: readonly T[], compare: (a: T, b: T) => number): T[] {
  for (let index = 1; index < list.length; index++) if (compare(list[index - 1], list[index]) > 0) return [...list].sort(compare);
  return [...list];
}

/**
 * The rows of the file list: articles that pass the filter, grouped under their folders as a
 * tree (folder rows first within each folder, then articles), folders that are collapsed hiding
 * what is below them.
 */
export function buildFileRows<T extends ListedArticle>(
  articles: readonly T[],
  filter: ArticleFilter,
  collapsed: ReadonlySet<string>,
  /** (#21) An order of its own (by metadata) in place of `filter.sort`'s. */
  order?: (a: T, b: T) => number,
): FileRow<T>[] {
  const visible = articles.filter((article) => matches(article, filter));
  const byFolder = new Map<string, T[]>();
  for (const article of visible) {
    const list = byFolder.get(article.folder) ?? [];
    list.push(article);
    byFolder.set(article.folder, list);
  }
  // Every ancestor of a folder with articles is a node of the tree.
  const folders = new Set<string>();
  for (const folder of byFolder.keys()) {
    const parts = folder === '' ? [] : folder.split('/');
    for (let depth = 1; depth <= parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
  }
  const counts = new Map<string, number>();
  for (const [folder, list] of byFolder) {
    const parts = folder === '' ? [] : folder.split('/');
    for (let depth = 1; depth <= parts.length; depth++) {
      const ancestor = parts.slice(0, depth).join('/');
      counts.set(ancestor, (counts.get(ancestor) ?? 0) + list.length);
    }
  }
  const children = (parent: string) =>
    [...folders].filter((folder) => (parent === '' ? !folder.includes('/') : folder.startsWith(`${parent}/`) && !folder.slice(parent.length + 1).includes('/'))).sort(collator.compare);
  const rows: FileRow<T>[] = [];
  const sortArticles = order ?? compare<T>(filter.sort);
  const walk = (folder: string, depth: number) => {
    for (const child of children(folder)) {
      const isCollapsed = collapsed.has(child);
      rows.push({ kind: 'folder', folder: child, depth, name: child.slice(child.lastIndexOf('/') + 1), count: counts.get(child) ?? 0, collapsed: isCollapsed });
      if (!isCollapsed) walk(child, depth + 1);
    }
    for (const article of sortedCopy(byFolder.get(folder) ?? [], sortArticles)) rows.push({ kind: 'article', article, depth });
  };
  walk('', 0);
  return rows;
}

/** The next article that is not done or approved, after `currentId` in list order, wrapping around. */
export function nextUnfinished<T extends ListedArticle>(articles: readonly T[], currentId: string | null): T | null {
  const ordered = [...articles].sort(compare<T>('name'));
  const start = currentId === null ? -1 : ordered.findIndex((article) => article.id === currentId);
  for (let step = 1; step <= ordered.length; step++) {
    const candidate = ordered[(start + step + ordered.length) % ordered.length];
    if (candidate.id !== currentId && isUnfinished(candidate.status) && candidate.problem === null) return candidate;
  }
  return null;
}

export interface CorpusProgress {
  total: number;
  finished: number;
  byStatus: Record<ArticleStatus, number>;
}

export function corpusProgress(articles: readonly ListedArticle[]): CorpusProgress {
  const byStatus: Record<ArticleStatus, number> = { new: 0, 'in-progress': 0, done: 0, 'needs-review': 0, rejected: 0, approved: 0 };
  for (const article of articles) byStatus[article.status]++;
  return { total: articles.length, finished: byStatus.done + byStatus.approved, byStatus };
}
