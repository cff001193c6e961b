import { useMemo, useState } from 'react';
import { statusLabels } from '../i18n/messages';
import { useMessages } from '../i18n/useMessages';
import { openArticle } from '../store/actions';
import { useSessionStore } from '../store/sessionStore';
import { fileNameParts, visibleFileName } from '../text/visibleFileName';

export function CorpusPane() {
  const corpus = useSessionStore((state) => state.corpus);
  const currentId = useSessionStore((state) => state.article?.id ?? state.loadingArticleId);
  const language = useSessionStore((state) => state.language);
  const t = useMessages();
  const [filter, setFilter] = useState('');
  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const articles = corpus?.articles ?? [];
    return needle ? articles.filter((entry) => entry.id.toLowerCase().includes(needle)) : articles;
  }, [corpus, filter]);
  if (!corpus) return <nav className="corpus-pane">{t('noCorpus')}</nav>;
  const done = corpus.articles.filter((entry) => entry.status === 'done' || entry.status === 'approved').length;
  return (
    <nav className="corpus-pane" aria-label={t('articles')}>
      <header className="pane-header">
        <h2 title={corpus.displayPath}>{corpus.name}</h2>
        <progress max={Math.max(1, corpus.articles.length)} value={done} aria-label="progress" />
      </header>
      <input className="filter" type="search" placeholder={t('filter')} value={filter} onChange={(event) => setFilter(event.target.value)} />
      <ul className="file-list" data-testid="file-list">
        {visible.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className={entry.id === currentId ? 'file current' : 'file'}
              aria-current={entry.id === currentId ? 'page' : undefined}
              title={entry.problem ?? visibleFileName(entry.id)}
              onClick={() => void openArticle(entry.id)}
            >
              <bdi className="file-name" dir="auto">
                {fileNameParts(entry.folder ? `${entry.folder}/${entry.name}` : entry.name).map((part, index) =>
                  part.escaped ? <bdi key={index} dir="ltr" className="hidden-character">{part.text}</bdi> : part.text,
                )}
              </bdi>
              <span className={`file-status status-${entry.status}`}>{statusLabels[language][entry.status]}</span>
              <span className="file-count">{entry.annotationCount}</span>
              {entry.problem ? <span className="file-problem" aria-label={entry.problem}>⚠</span> : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
