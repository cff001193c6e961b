import { quoteAround } from './quote';
import { reanchor, type AnchorInput } from './reanchor';
import { changeEntitySpan, type StandoffDocument } from '../brat/standoffDocument';
import type { EntityLine, SpanFragment } from '../brat/standoffLine';
import { worstAnchorStatus } from './reanchorStatus';

/**
 * Re-anchoring for a brat article whose text changed on disk. A `.ann` file stores no quote
 * context, so the context comes from the text the annotations were made on (the version the
 * session loaded): each T line's fragments are placed again in the new text, and moved lines are
 * rewritten with their new offsets and text. An entity that cannot be placed keeps its line
 * unchanged (a brat file has nowhere else to keep it) and is reported as an orphan, for the user
 * to fix; lines of entities that did not move keep their bytes.
 */
export interface StandoffReanchorEntry {
  id: string;
  status: 'moved' | 'fuzzy' | 'orphan';
  oldFragments: SpanFragment[];
  newFragments: SpanFragment[] | null;
}

export interface StandoffReanchorOutcome {
  document: StandoffDocument;
  unchanged: number;
  changes: StandoffReanchorEntry[];
}

export function reanchorStandoff(document: StandoffDocument, oldText: string, newText: string): StandoffReanchorOutcome {
  const oldPoints = Array.from(oldText);
  const newPoints = Array.from(newText);
  const inputs: AnchorInput[] = [];
  const entities: { line: EntityLine; inputs: number[] }[] = [];
  for (const line of document.lines) {
    if (line.kind !== 'entity' || line.fragments.some((fragment) => fragment.end > oldPoints.length)) continue;
    const fragments = line.fragments;
    const indices = fragments.map((fragment, index) => {
      const quote = quoteAround(oldPoints, fragment.start, fragment.end);
      inputs.push({
        start: fragment.start,
        end: fragment.end,
        text: oldPoints.slice(fragment.start, fragment.end).join(''),
        prefix: index === 0 ? quote.prefix : '',
        suffix: index === fragments.length - 1 ? quote.suffix : '',
      });
      return inputs.length - 1;
    });
    entities.push({ line, inputs: indices });
  }
  const results = reanchor(inputs, newText);
  let current = document;
  let unchanged = 0;
  const changes: StandoffReanchorEntry[] = [];
  for (const { line, inputs: indices } of entities) {
    const placed = indices.map((index) => results[index]);
    const worst = worstAnchorStatus(placed);
    const oldFragments = line.fragments.map((fragment) => ({ start: fragment.start, end: fragment.end }));
    if (worst === 'unchanged') {
      unchanged++;
      continue;
    }
    const newFragments = placed.map((result) => ({ start: result.newStart ?? 0, end: result.newEnd ?? 0 }));
    const inOrder = newFragments.every((fragment, index) => index === 0 || fragment.start >= newFragments[index - 1].end);
    if (worst === 'orphan' || !inOrder) {
      changes.push({ id: line.id, status: 'orphan', oldFragments, newFragments: null });
      continue;
    }
    const text = newFragments.map((fragment) => newPoints.slice(fragment.start, fragment.end).join('')).join(' ');
    current = changeEntitySpan(current, line.id, newFragments, text.replace(/[\r\n]/g, ' '));
    changes.push({ id: line.id, status: worst, oldFragments, newFragments });
  }
  return { document: current, unchanged, changes };
}
