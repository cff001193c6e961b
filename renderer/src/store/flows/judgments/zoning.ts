import type { CodePointOffset, Utf16Offset, Utf16Range } from '../../../../../shared/anchoring/offsetUnits';
import { partitionByBoilerplate } from '../../../../../shared/zones/outsideBoilerplate';
import type { Zone } from '../../../../../shared/documentLabels/judgmentFormat';
import { BOILERPLATE_ZONE } from '../../../../../shared/documentLabels/judgmentValues';
import { canEditArticle, useArticleViewStore } from '../../articleViewStore';
import { documentActions, useDocumentStore } from '../../documentStore';

/**
 * (#21) Zones of the open article: a selection marked as headline, body, boilerplate (or a type
 * the tag set adds), saved in code points under `zones`; one undo step each.
 */
function nextZoneId(zones: readonly Zone[]): string {
  const used = new Set(zones.map((zone) => zone.id));
  let index = zones.length + 1;
  while (used.has(`Z${index}`)) index++;
  return `Z${index}`;
}

/** Marks the text selection as a zone of `type`; false when there is no selection to mark. */
export function markSelectionAsZone(type: string): boolean {
  const { textSelection, article } = useArticleViewStore.getState();
  if (!article || !textSelection || textSelection.end <= textSelection.start || !canEditArticle()) return false;
  const zones = useDocumentStore.getState().zones;
  const start = article.converter.toCodePoint(textSelection.start as Utf16Offset);
  const end = article.converter.toCodePoint(textSelection.end as Utf16Offset);
  const zone: Zone = { id: nextZoneId(zones), type, start, end };
  documentActions.judge({ zones: [...zones, zone].sort((a, b) => a.start - b.start || a.end - b.end) });
  return true;
}

/** (#21) A zone given in code points (an accepted footer proposal): one undo step, saved by autosave. */
export function addZone(type: string, start: number, end: number): void {
  if (!canEditArticle()) return;
  const zones = useDocumentStore.getState().zones;
  const zone = { id: nextZoneId(zones), type, start, end } as Zone;
  documentActions.judge({ zones: [...zones, zone].sort((a, b) => a.start - b.start || a.end - b.end) });
}

export function removeZone(id: string): void {
  if (!canEditArticle()) return;
  const zones = useDocumentStore.getState().zones;
  documentActions.judge({ zones: zones.filter((zone) => zone.id !== id) });
}

/** Whether a window range (UTF-16) touches boilerplate of the open article. */
export function touchesBoilerplate(start: Utf16Offset, end: Utf16Offset): boolean {
  const { article } = useArticleViewStore.getState();
  if (!article) return false;
  const from = article.converter.toCodePoint(start);
  const to = article.converter.toCodePoint(end);
  return useDocumentStore.getState().zones.some((zone) => zone.type === BOILERPLATE_ZONE && from < (zone.end as CodePointOffset) && to > (zone.start as CodePointOffset));
}

/** Whether the text selection touches boilerplate: tagging it then asks first (BoilerplateTagQuestion.tsx). */
export function selectionTouchesBoilerplate(): boolean {
  const { textSelection } = useArticleViewStore.getState();
  return textSelection !== null && textSelection.end > textSelection.start && touchesBoilerplate(textSelection.start as Utf16Offset, textSelection.end as Utf16Offset);
}

/**
 * Find hits split by boilerplate (#21): those inside it are shown but tag-all leaves them,
 * and says how many. Zones are in code points, hits in the window's UTF-16 units.
 */
export function partitionHitsByBoilerplate<Hit extends Utf16Range>(hits: readonly Hit[]): { outside: Hit[]; inside: Hit[] } {
  const { article } = useArticleViewStore.getState();
  const zones = useDocumentStore.getState().zones.filter((zone) => zone.type === BOILERPLATE_ZONE);
  if (!article || zones.length === 0) return { outside: [...hits], inside: [] };
  const inUtf16 = zones.map((zone) => ({ ...zone, start: article.converter.toUtf16(zone.start as CodePointOffset), end: article.converter.toUtf16(zone.end as CodePointOffset) }));
  return partitionByBoilerplate(hits, inUtf16 as unknown as Zone[]);
}
