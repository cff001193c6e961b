import type { DomainHandlers, HandlerContext } from '../handlerTypes';

/** Renaming, merging and removing tag types across the corpus, and saving the tag set. */
export function tagsetHandlers({ session }: HandlerContext): DomainHandlers<'tagset'> {
  return {
    'tagset.preview': async ({ changes }) => session.previewTypeChanges(changes),
    'tagset.save': async ({ types, changes }) => {
      const plan = await session.saveTagSet(types, changes);
      return { plan, corpus: await session.describe() };
    },
    'tagset.saveDimensions': async ({ dimensions }) => {
      await session.saveDimensions(dimensions);
      return { corpus: await session.describe() };
    },
  };
}
