import { useRef } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { answerLeaveQuestion } from '../../store/saving/closeGuard';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { type LeaveQuestion, useSaveStatusStore } from '../../store/saveStatusStore';
import { dialogKeyDown, useDialogFocus } from './useDialogFocus';

/**
 * Closing the window or opening another corpus while some edits could not be written: the
 * articles are named, and staying (the default, and Escape) keeps the edits and the retries.
 */
export function LeaveQuestionDialog() {
  const question = useSaveStatusStore((state) => state.leaveQuestion);
  return question ? <LeaveQuestionView question={question} /> : null;
}

function LeaveQuestionView({ question }: { question: LeaveQuestion }) {
  const corpus = useCorpusViewStore((state) => state.corpus);
  const t = useMessages();
  const dialog = useRef<HTMLDivElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  useDialogFocus(dialog, stay);
  const name = (id: string) => corpus?.articles.find((entry) => entry.id === id)?.name ?? id;
  return (
    <div className="sheet-backdrop" onKeyDown={(event) => dialogKeyDown(event, () => answerLeaveQuestion(false))}>
      <div ref={dialog} className="sheet" role="alertdialog" aria-modal="true" aria-labelledby="leave-title" aria-describedby="leave-explanation" data-testid="leave-question">
        <h2 id="leave-title">{question.action === 'close' ? t('leaveCloseTitle') : t('leaveSwitchTitle')}</h2>
        <p id="leave-explanation">{t('leaveExplanation')}</p>
        <ul>
          {question.articles.map((id) => (
            <li key={id} dir="auto">
              {name(id)}
            </li>
          ))}
        </ul>
        <button ref={stay} type="button" className="primary" onClick={() => answerLeaveQuestion(false)}>
          {t('leaveStay')}
        </button>{' '}
        <button type="button" onClick={() => answerLeaveQuestion(true)}>
          {question.action === 'close' ? t('leaveClose') : t('leaveSwitch')}
        </button>
      </div>
    </div>
  );
}
