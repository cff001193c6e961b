import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentDocuments } from './recentDocuments';

describe('recent documents', () => {
  it('adds opened corpora and articles to the system list, an article once while it stays open', () => {
    const added: string[] = [];
    const recent = new RecentDocuments({ addRecentDocument: (file) => added.push(file) });
    const root = path.join(path.sep, 'corpora', 'news');
    recent.corpusOpened(root);
    recent.articleOpened(root, 'reports/a1.txt');
    recent.articleOpened(root, 'reports/a1.txt');
    recent.articleOpened(root, 'b.txt');
    recent.articleOpened(root, 'reports/a1.txt');
    expect(added).toEqual([root, path.join(root, 'reports', 'a1.txt'), path.join(root, 'b.txt'), path.join(root, 'reports', 'a1.txt')]);
  });
});
