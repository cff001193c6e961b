import { useEffect } from 'react';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { loadEntities } from '../../store/entities/entityFlows';

/** (#24) The registry is read again whenever another corpus (or a fresh listing of it) is shown. */
export function useEntityRegistry(): void {
  const corpus = useCorpusViewStore((state) => state.corpus);
  useEffect(() => {
    if (corpus && corpus.mode !== 'brat') void loadEntities();
  }, [corpus]);
}
