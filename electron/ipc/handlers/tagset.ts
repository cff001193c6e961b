import { RelationTagSetFieldsSchema } from '../../../shared/tagset/relationTypes';
import type { DomainHandlers, HandlerContext } from '../handlerTypes';

/** Renaming, merging and removing tag types across the corpus, and saving the tag set. */
export function tagsetHandlers({ session }: HandlerContext): DomainHandlers<'tagset'> {
  return {
    'tagset.preview': async ({ changes }) => session.previewTypeChanges(changes),
    'tagset.save': async ({ types, changes, relations, events }) => {
      const plan = await session.saveTagSet(types, changes, relations === undefined && events === undefined ? undefined : RelationTagSetFieldsSchema.parse({ relations, events }));
      return { plan, corpus: await session.describe() };
    },
    'tagset.saveDimensions': async ({ dimensions }) => {
      await session.saveDimensions(dimensions);
      return { corpus: await session.describe() };
    },
  };
}
