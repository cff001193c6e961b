/**
 * The article's place in the workflow; `needs-review`, `rejected` and `approved` serve review.
 * Plain values without their zod schema (model/status.ts builds it from these): (#25) the window
 * lists and checks statuses without building the contract's schemas at start.
 */
export const ARTICLE_STATUSES = ['new', 'in-progress', 'done', 'needs-review', 'rejected', 'approved'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export function isArticleStatus(value: string): value is ArticleStatus {
  return (ARTICLE_STATUSES as readonly string[]).includes(value);
}
