import { useState } from 'react';
import type { TagSetWire } from '../../../../shared/corpusWire';
import type { ConflictResolutions, SaveConflict } from '../../../../shared/saveWire';
import type { StoredAnnotation, StoredRelation } from '../../../../shared/model/nativeFormat';
import { statusLabels, type UiLanguage } from '../../i18n/messages';
import { useMessages } from '../../i18n/useMessages';
import { catalogText } from '../../i18n/catalog/defineCatalog';
import { appCatalog } from '../../i18n/catalog/app';
import { postponeConflicts, resolveConflicts } from '../../store/saving/autosave';
import { useDocumentStore } from '../../store/documentStore';
import { useCorpusViewStore } from '../../store/corpusViewStore';
import { usePreferencesStore } from '../../store/preferencesStore';
import { type ConflictPrompt, useSaveStatusStore } from '../../store/saveStatusStore';
import { ModalDialog } from '../app/ModalDialog';
import { tagChipStyle } from '../annotations/tagChipStyle';

/** A type the tag set does not know is shown in grey, as in the annotation list. */
const UNKNOWN_TAG_COLOR = '#888888';

type Choice = ConflictResolutions[string];

/**
 * Another writer changed the same items as this window: each is shown in both versions (or as
 * deleted), and the user keeps one per item or one side for all. Nothing is written until they
 * choose; Escape leaves the edits in memory, marked unsaved, and the status bar reopens this.
 */
export function ConflictDialog() {
  const prompt = useSaveStatusStore((state) => state.conflictPrompt);
  if (!prompt?.open) return null;
  // A new set of conflicts starts with no choice made.
  return <ConflictQuestion key={prompt.conflicts.map((conflict) => conflict.key).join('\n')} prompt={prompt} />;
}

function ConflictQuestion({ prompt }: { prompt: ConflictPrompt }) {
  const language = usePreferencesStore((state) => state.language);
  const tagSet = useCorpusViewStore((state) => state.corpus?.tagSet ?? null);
  const t = useMessages();
  const [choices, setChoices] = useState<ConflictResolutions>({});
  const allChosen = prompt.conflicts.every((conflict) => choices[conflict.key] !== undefined);
  const chooseAll = (choice: Choice) => setChoices(Object.fromEntries(prompt.conflicts.map((conflict) => [conflict.key, choice])));
  return (
    <ModalDialog className="sheet conflict-dialog" onEscape={postponeConflicts} labelledBy="conflict-title" describedBy="conflict-intro" testId="conflict-dialog">
        <h2 id="conflict-title">{t('conflictTitle')}</h2>
        <p id="conflict-intro">{t('conflictIntro')}</p>
        <div className="conflict-all">
          <button type="button" onClick={() => chooseAll('mine')}>
            {t('keepMineForAll')}
          </button>
          <button type="button" onClick={() => chooseAll('disk')}>
            {t('keepTheirsForAll')}
          </button>
        </div>
        <ol className="conflict-list">
          {prompt.conflicts.map((conflict) => (
            <li key={conflict.key} className="conflict-item" data-testid="conflict-item" data-key={conflict.key}>
              <fieldset>
                <legend dir="auto">{conflictTitle(conflict, language, tagSet, t)}</legend>
                <div className="conflict-versions">
                  {(['mine', 'disk'] as const).map((side) => (
                    <label key={side} className={`conflict-version${choices[conflict.key] === side ? ' chosen' : ''}`} data-side={side}>
                      <span className="conflict-choice">
                        <input
                          type="radio"
                          name={`conflict-${conflict.key}`}
                          value={side}
                          checked={choices[conflict.key] === side}
                          onChange={() => setChoices((current) => ({ ...current, [conflict.key]: side }))}
                        />{' '}
                        <strong>{side === 'mine' ? t('keepMine') : t('keepTheirs')}</strong> <span className="conflict-side">{side === 'mine' ? t('conflictMine') : t('conflictDisk')}</span>
                      </span>
                      <VersionView conflict={conflict} side={side} language={language} tagSet={tagSet} t={t} />
                    </label>
                  ))}
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="conflict-actions">
          <button type="button" className="primary" disabled={!allChosen} onClick={() => void resolveConflicts(choices)}>
            {t('saveChoices')}
          </button>
          <button type="button" onClick={postponeConflicts}>
            {t('decideLater')}
          </button>
        </div>
    </ModalDialog>
  );
}

type Translate = ReturnType<typeof useMessages>;

function tagLabel(type: string, language: UiLanguage, tagSet: TagSetWire | null): string {
  return tagSet?.types.find((tag) => tag.id === type)?.label[language] ?? type;
}

/** An item is named by its text and type, never by its internal id, unless nothing else is left of it. */
function conflictTitle(conflict: SaveConflict, language: UiLanguage, tagSet: TagSetWire | null, t: Translate): string {
  const words = catalogText(appCatalog, language);
  if (conflict.kind === 'status') return t('conflictStatus');
  if (conflict.kind === 'judgment') return conflict.key;
  if (conflict.kind === 'relation') {
    const relation = conflict.mine ?? conflict.disk ?? conflict.base;
    return words('conflictRelationTitle', { relation: t('conflictRelation'), type: relation ? tagLabel(relation.type, language, tagSet) : conflict.key });
  }
  const annotation = conflict.mine ?? conflict.disk ?? conflict.base;
  return annotation ? words('labelled', { label: tagLabel(annotation.type, language, tagSet), value: words('quotedText', { text: annotation.text }) }) : conflict.key;
}

function VersionView({ conflict, side, language, tagSet, t }: { conflict: SaveConflict; side: 'mine' | 'disk'; language: UiLanguage; tagSet: TagSetWire | null; t: Translate }) {
  if (conflict.kind === 'status') return <span className="conflict-detail">{statusLabels[language][conflict[side]] ?? conflict[side]}</span>;
  if (conflict.kind === 'judgment' && conflict[side] !== null) return <bdi className="conflict-detail">{conflict[side]}</bdi>;
  const version = conflict[side];
  if (version === null) return <span className="conflict-detail conflict-deleted">{t('conflictDeleted')}</span>;
  return conflict.kind === 'annotation' ? (
    <AnnotationVersion annotation={version as StoredAnnotation} language={language} tagSet={tagSet} t={t} />
  ) : (
    <RelationVersion relation={version as StoredRelation} language={language} tagSet={tagSet} t={t} />
  );
}

function AnnotationVersion({ annotation, language, tagSet, t }: { annotation: StoredAnnotation; language: UiLanguage; tagSet: TagSetWire | null; t: Translate }) {
  const color = tagSet?.types.find((tag) => tag.id === annotation.type)?.color;
  const words = catalogText(appCatalog, language);
  const attributes = Object.entries(annotation.attributes ?? {});
  return (
    <span className="conflict-detail">
      <span className="tag-chip" style={tagChipStyle(color ?? UNKNOWN_TAG_COLOR)} data-entity-type={annotation.type}>
        {tagLabel(annotation.type, language, tagSet)}
      </span>{' '}
      <bdi>{words('quotedText', { text: annotation.text })}</bdi>
      {annotation.note ? <span className="conflict-line">{words('labelled', { label: t('conflictNote'), value: annotation.note })}</span> : null}
      {attributes.length > 0 ? (
        <span className="conflict-line">
          {attributes.map(([name, value]) => (
            <bdi key={name}>{words('attribute', { name, value: String(value) })} </bdi>
          ))}
        </span>
      ) : null}
    </span>
  );
}

function RelationVersion({ relation, language, tagSet, t }: { relation: StoredRelation; language: UiLanguage; tagSet: TagSetWire | null; t: Translate }) {
  const annotations = useDocumentStore((state) => state.annotations);
  const words = catalogText(appCatalog, language);
  const named = (id: string) => {
    const text = annotations.find((annotation) => annotation.id === id)?.text;
    return text === undefined ? id : words('quotedText', { text });
  };
  return (
    <span className="conflict-detail">
      {tagLabel(relation.type, language, tagSet)}: <bdi>{named(relation.from)}</bdi> {language === 'fa' ? '←' : '→'} <bdi>{named(relation.to)}</bdi>
      {relation.note ? (
        <span className="conflict-line">
          {words('labelled', { label: t('conflictNote'), value: relation.note })}
        </span>
      ) : null}
    </span>
  );
}
