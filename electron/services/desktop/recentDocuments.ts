import path from 'node:path';

/** app.addRecentDocument: the system's recent documents (macOS Dock and File menu, Windows jump list, Linux recently-used). */
export interface RecentDocumentsHost {
  addRecentDocument(file: string): void;
}

/**
 * Records opened corpora and articles with the system. An article reported again (the window
 * reports the reading position as it scrolls) is not added again until another one was opened.
 */
export class RecentDocuments {
  private last: string | null = null;

  constructor(private readonly host: RecentDocumentsHost) {}

  corpusOpened(root: string): void {
    this.add(root);
  }

  /** `articleId` is the article's path inside `root`, already confined to it by the dispatcher. */
  articleOpened(root: string, articleId: string): void {
    this.add(path.join(root, ...articleId.split('/')));
  }

  private add(file: string): void {
    if (file === this.last) return;
    this.last = file;
    this.host.addRecentDocument(file);
  }
}
