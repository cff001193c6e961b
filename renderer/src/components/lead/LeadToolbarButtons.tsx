import { useState } from 'react';
import { saveAnnotatorName, toggleLeadView } from '../../store/flows/lead';
import { leadActions, useLeadStore } from '../../store/leadStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { useLeadMessages } from './leadMessages';
import './lead.css';
import { ProblemText } from '../app/ProblemText';

/** The annotator-name popover: no blocking dialog, the name defaults to the OS user name. */
function AnnotatorSettings() {
  const annotator = usePreferencesStore((state) => state.annotator);
  const error = useLeadStore((state) => state.error);
  const [name, setName] = useState(annotator);
  const t = useLeadMessages();
  return (
    <form
      className="lead-settings-popover"
      data-testid="annotator-settings"
      onSubmit={(event) => {
        event.preventDefault();
        void saveAnnotatorName(name).then((saved) => {
          if (saved) leadActions.closeSettings();
        });
      }}
    >
      <label>
        {t('annotatorName')}
        <input value={name} onChange={(event) => setName(event.target.value)} dir="auto" autoFocus data-testid="annotator-name-input" />
      </label>
      <p className="hint">{t('annotatorHint')}</p>
      {error ? (
        <p className="problem" role="alert">
          <ProblemText problem={error} />
        </p>
      ) : null}
      <div className="lead-actions">
        <button type="submit">{t('save')}</button>
        <button type="button" onClick={() => leadActions.closeSettings()}>
          {t('close')}
        </button>
      </div>
    </form>
  );
}

/** The toolbar's Lead button (Ctrl+Shift+L) and the settings popover with the annotator's name. */
export function LeadToolbarButtons() {
  const open = useLeadStore((state) => state.open);
  const settingsOpen = useLeadStore((state) => state.settingsOpen);
  const t = useLeadMessages();
  return (
    <>
      <button type="button" aria-pressed={open} onClick={toggleLeadView} title="Ctrl+Shift+L" data-testid="lead-button">
        {t('lead')}
      </button>
      <span className="lead-settings-anchor">
        <button type="button" aria-expanded={settingsOpen} onClick={() => leadActions.toggleSettings()} data-testid="settings-button">
          {t('annotatorSettings')}
        </button>
        {settingsOpen ? <AnnotatorSettings /> : null}
      </span>
    </>
  );
}
