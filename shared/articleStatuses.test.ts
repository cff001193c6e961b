import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, isArticleStatus } from './articleStatuses';
import { ArticleStatusSchema } from './model/status';

describe('article statuses without zod (#25)', () => {
  it('are the statuses the contract checks, in its order', () => {
    expect(ArticleStatusSchema.options).toEqual([...ARTICLE_STATUSES]);
  });

  it('tells a status from any other text as the schema does', () => {
    for (const value of [...ARTICLE_STATUSES, '', 'Done', 'finished', 'in progress']) {
      expect(isArticleStatus(value)).toBe(ArticleStatusSchema.safeParse(value).success);
    }
  });
});
