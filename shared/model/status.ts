import { z } from 'zod';

/** The article's place in the workflow; `needs-review`, `rejected` and `approved` serve review. */
export const ArticleStatusSchema = z.enum(['new', 'in-progress', 'done', 'needs-review', 'rejected', 'approved']);
export type ArticleStatus = z.infer<typeof ArticleStatusSchema>;
