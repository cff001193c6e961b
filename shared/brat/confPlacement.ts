/**
 * Which `annotation.conf` of a brat corpus governs which article, the way brat finds it: the
 * one in the article's folder, else in the nearest folder above it, never above the corpus.
 * Folders are paths inside the corpus with forward slashes, `''` for the corpus folder itself.
 */

export interface BratConfiguration {
  /** The folder holding it, inside the corpus (`corpora/TDT`, or `''` for the corpus folder). */
  folder: string;
  /** The file's text, exactly as read. */
  content: string;
}

/** `news/a/001.txt` → `news/a`; `001.txt` → `''`. */
export function folderOfArticle(articleId: string): string {
  const slash = articleId.lastIndexOf('/');
  return slash === -1 ? '' : articleId.slice(0, slash);
}

/** The configuration brat would use for an article: in its folder or the nearest one above; null when none. */
export function governingConfiguration<T extends { folder: string }>(articleId: string, configurations: readonly T[]): T | null {
  const byFolder = new Map(configurations.map((configuration) => [configuration.folder, configuration]));
  let folder = folderOfArticle(articleId);
  for (;;) {
    const found = byFolder.get(folder);
    if (found) return found;
    if (folder === '') return null;
    folder = folderOfArticle(folder);
  }
}

/** The path of a folder's `annotation.conf` inside the export. */
export function configurationPath(folder: string): string {
  return folder === '' ? 'annotation.conf' : `${folder}/annotation.conf`;
}

/**
 * The configurations that govern at least one of the articles (in the order given), and the
 * articles that none governs.
 */
export function configurationsInUse<T extends { folder: string }>(articleIds: readonly string[], configurations: readonly T[]): { used: T[]; ungoverned: string[] } {
  const used = new Set<T>();
  const ungoverned: string[] = [];
  for (const id of articleIds) {
    const configuration = governingConfiguration(id, configurations);
    if (configuration) used.add(configuration);
    else ungoverned.push(id);
  }
  return { used: configurations.filter((configuration) => used.has(configuration)), ungoverned };
}
