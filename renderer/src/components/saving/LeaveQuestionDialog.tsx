import { useRef } from 'react';
import { useMessages } from '../../i18n/useMessages';
import { answerLeaveQuestion } from '../../store/saving/closeGuard';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { type LeaveQuestion, useSaveStatusStore } from '../../store/saveStatusStore';
import { ModalDialog } from '../app/ModalDialog';

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
  const stay = useRef<HTMLButtonElement>(null);
  const name = (id: string) => corpus?.articles.find((entry) => entry.id === id)?.name ?? id;
  return (
    <ModalDialog className="sheet" role="alertdialog" onEscape={() => answerLeaveQuestion(false)} labelledBy="leave-title" describedBy="leave-explanation" testId="leave-question" initialFocus={stay}>
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
    </ModalDialog>
  );
}
