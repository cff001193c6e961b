/**
 * Article ids on the wire. An id is the article's path relative to the corpus root, with forward
 * slashes. `ArticleRefSchema` is the same check, used where the window names an article in a
 * request: main's dispatcher finds every field of that schema in a request and confines it to
 * the opened corpus before the handler runs (electron/ipc/articleRefs.ts), and its brand lets
 * the handlers' types receive the confined article in its place. Answers use `ArticleIdSchema`.
 */
import { z } from 'zod';

export const ArticleIdSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((id) => !id.includes('\0'), 'an article id has no NUL character');

/** An article id sent by the window: a distinct schema object, so the dispatcher can find it in any request. */
export const ArticleRefSchema = ArticleIdSchema.clone().brand<'ArticleRef'>();
/** A request's article id as the schema outputs it (the window sends a plain string). */
export type ArticleRef = z.output<typeof ArticleRefSchema>;
