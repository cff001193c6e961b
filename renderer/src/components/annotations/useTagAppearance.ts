import { useCallback, useMemo } from 'react';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import type { TagAppearance } from '../article/ParagraphView';

const UNKNOWN_TAG_COLOR = '#888888';

/** Colour and label (in the UI language) of each tag type; unknown types stay visible in grey. */
export function useTagAppearance(): (type: string) => TagAppearance {
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const language = usePreferencesStore((state) => state.language);
  // Event types too: their triggers are annotations of those types (#20).
  const byId = useMemo(() => new Map([...(tagSet?.types ?? []), ...(tagSet?.eventTypes ?? [])].map((type) => [type.id, type])), [tagSet]);
  return useCallback(
    (type: string) => {
      const tag = byId.get(type);
      return tag ? { color: tag.color, label: tag.label[language] } : { color: UNKNOWN_TAG_COLOR, label: type };
    },
    [byId, language],
  );
}
