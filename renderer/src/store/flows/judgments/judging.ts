import { chooseValue, setText } from '../../../../../shared/documentLabels/labelEdits';
import { dimensionKeyOfPress, dimensionValueForKey, type Dimension } from '../../../../../shared/documentLabels/resolvedDimension';
import { canEditArticle, useArticleViewStore } from '../../articleViewStore';
import { useCorpusViewStore } from '../../corpusViewStore';
import { documentActions, useDocumentStore } from '../../documentStore';
import { sayWhyKeyDidNothing } from '../../window/keyHintStore';

/**
 * (#21) Judging the open article as a whole: document labels chosen in the panel above the
 * article or with Alt+Digit. Each choice is one step of the undo history and is saved by
 * autosave with the rest of the document.
 */
export function tagSetDimensions(): Dimension[] {
  return useCorpusViewStore.getState().corpus?.tagSet.dimensions ?? [];
}

export function chooseDocumentLabel(dimension: Dimension, valueId: string): void {
  if (!canEditArticle()) return;
  const labels = useDocumentStore.getState().documentLabels;
  documentActions.judge({ documentLabels: chooseValue(labels, dimension, valueId) });
}

export function setDocumentLabelText(dimensionId: string, text: string): void {
  if (!canEditArticle()) return;
  const labels = useDocumentStore.getState().documentLabels;
  const current = labels[dimensionId];
  if ((typeof current === 'string' ? current : '') === text) return;
  documentActions.judge({ documentLabels: setText(labels, dimensionId, text) });
}

/** Whether a key press is a document-label key (Alt+Digit, Alt+Shift+Digit) while the tag set has dimensions. */
export function isDocumentLabelKey(event: KeyboardEvent): boolean {
  return dimensionKeyOfPress(event) !== null && tagSetDimensions().length > 0;
}

export function labelWithKey(event: KeyboardEvent): void {
  const key = dimensionKeyOfPress(event);
  const found = key === null ? null : dimensionValueForKey(tagSetDimensions(), key);
  const article = useArticleViewStore.getState().article;
  if (!found) sayWhyKeyDidNothing('hintNoDocumentLabelKey');
  else if (!article) sayWhyKeyDidNothing('hintNoArticle');
  else if (article.problem) sayWhyKeyDidNothing('hintReadOnly');
  else chooseDocumentLabel(found.dimension, found.value.id);
}
