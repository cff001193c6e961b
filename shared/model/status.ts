import { z } from 'zod';
import { ARTICLE_STATUSES, type ArticleStatus } from '../articleStatuses';

/** The article's place in the workflow (../articleStatuses.ts), as the contract and the native format check it. */
export const ArticleStatusSchema = z.enum(ARTICLE_STATUSES);
export type { ArticleStatus };
