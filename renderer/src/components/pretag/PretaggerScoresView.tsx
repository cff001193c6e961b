import { useState } from 'react';
import type { z } from 'zod';
import type { PretaggerScoresSchema } from '../../../../shared/pretagWire';
import type { UserProblem } from '../../../../shared/userProblem';
import { pretagCatalog } from '../../i18n/catalog/pretag';
import { formatNumber } from '../../i18n/formatNumber';
import { useCatalog } from '../../i18n/useCatalog';
import { problemOf } from '../../ipcError';
import { loadPretaggerScores } from '../../store/flows/pretag';
import { usePreferencesStore } from '../../store/preferencesStore';
import { ProblemText } from '../app/ProblemText';
import { formatRatio } from '../lead/leadFormat';

type Scores = z.output<typeof PretaggerScoresSchema>;

/** (#24) A pretagger's precision, recall and F1 per type against the analysts' final annotations, in the UI's digits. */
export function PretaggerScoresView() {
  const words = useCatalog(pretagCatalog);
  const language = usePreferencesStore((state) => state.language);
  const [as, setAs] = useState('gazetteer');
  const [scores, setScores] = useState<Scores | null>(null);
  const [problem, setProblem] = useState<UserProblem | null>(null);
  const measure = async () => {
    try {
      setScores(await loadPretaggerScores(as));
      setProblem(null);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const row = (tag: string, counts: { countA: number; countB: number; matched: number; precision: number | null; recall: number | null; f1: number | null }) => (
    <tr key={tag}>
      <th scope="row">{tag}</th>
      <td>{formatNumber(counts.countB, language)}</td>
      <td>{formatNumber(counts.matched, language)}</td>
      <td>{formatNumber(counts.countA, language)}</td>
      <td>{formatRatio(counts.precision, language)}</td>
      <td>{formatRatio(counts.recall, language)}</td>
      <td>{formatRatio(counts.f1, language)}</td>
    </tr>
  );
  return (
    <section data-testid="pretagger-scores">
      <h3>{words('scoresTitle')}</h3>
      <label>
        {words('scoresAs')} <input dir="auto" value={as} onChange={(event) => setAs(event.target.value)} />
      </label>{' '}
      <button type="button" onClick={() => void measure()} disabled={as.trim() === ''}>
        {words('scoresShow')}
      </button>
      {problem ? <ProblemText problem={problem} /> : null}
      {scores ? (
        <>
          <p>{words('scoresSummary', { articles: scores.articles })}</p>
          <table>
            <thead>
              <tr>
                {(['scoresType', 'scoresSuggested', 'scoresKept', 'scoresAnalyst', 'precision', 'recall', 'f1'] as const).map((key) => (
                  <th key={key} scope="col">
                    {words(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {scores.scores.perTag.map((tag) => row(tag.tag, tag))}
              {row(words('scoresAll'), scores.scores.micro)}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
