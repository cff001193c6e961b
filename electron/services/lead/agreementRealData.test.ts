import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spanKey } from '../../../shared/agreement/agreementSpan';
import { comparePairDocument, summarizePair } from '../../../shared/agreement/pairAgreement';
import { documentTokens } from '../../../shared/agreement/tokenLabels';
import { applyCuration } from '../../../shared/curation/applyCuration';
import type { CurationDecision } from '../../../shared/curation/curationDecision';
import { listDisagreements } from '../../../shared/curation/disagreements';
import type { StoredAnnotation } from '../../../shared/model/nativeFormat';

/**
 * Agreement and curation on real annotations with many overlapping and nested spans: the
 * BioNLP-ST 2011 documents of brat's example data (103 overlapping span pairs in ID alone).
 * Annotator A is the file as it is; B is A changed in known ways, so what the measures must
 * report is known without a reference implementation.
 */
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bionlp = path.resolve(projectRoot, '../shared/data/brat-example-data/corpora/BioNLP-ST_2011');
const present = existsSync(bionlp);

interface Document {
  name: string;
  text: string;
  spans: StoredAnnotation[];
}

function readDocuments(): Document[] {
  const documents: Document[] = [];
  for (const entry of readdirSync(bionlp, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const folder = entry.name;
    const dir = path.join(bionlp, folder);
    for (const file of readdirSync(dir).filter((name) => name.endsWith('.ann'))) {
      const text = readFileSync(path.join(dir, file.replace(/\.ann$/, '.txt')), 'utf8');
      const codePoints = Array.from(text);
      const spans: StoredAnnotation[] = [];
      for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) {
        const match = /^(T\d+)\t(\S+) ([\d ;]+)\t/.exec(line);
        if (!match) continue;
        const fragments = match[3].split(';').map((piece) => piece.trim().split(' ').map(Number));
        const start = fragments[0][0];
        const end = fragments[fragments.length - 1][1];
        spans.push({
          id: match[1],
          type: match[2],
          start,
          end,
          text: codePoints.slice(start, end).join(''),
          ...(fragments.length > 1 ? { fragments: fragments.map(([from, to]) => ({ start: from, end: to })) } : {}),
        });
      }
      documents.push({ name: `${folder}/${file}`, text, spans });
    }
  }
  return documents;
}

/** B: every 5th span dropped, every 3rd (of the rest) one character longer, every 7th retyped. */
function perturb(document: Document): { spans: StoredAnnotation[]; untouched: number; sameType: number } {
  const length = Array.from(document.text).length;
  const spans: StoredAnnotation[] = [];
  let untouched = 0;
  let sameType = 0;
  document.spans.forEach((span, index) => {
    if (index % 5 === 4) return;
    const longer = index % 3 === 0 && !span.fragments && span.end < length;
    const retyped = index % 7 === 0;
    spans.push({ ...span, end: longer ? span.end + 1 : span.end, type: retyped ? `${span.type}-X` : span.type });
    if (!retyped) sameType++;
    if (!retyped && !longer) untouched++;
  });
  return { spans, untouched, sameType };
}

describe.skipIf(!present)('agreement and curation on BioNLP-ST 2011 (brat example data)', () => {
  const documents = present ? readDocuments() : [];

  it('reads the documents, with overlapping spans', () => {
    expect(documents.length).toBeGreaterThanOrEqual(13);
    expect(documents.reduce((sum, document) => sum + document.spans.length, 0)).toBeGreaterThan(500);
  });

  it('a document against itself: every figure is 1', () => {
    for (const document of documents) {
      const tokens = documentTokens(document.text).tokens;
      const report = summarizePair('A', 'A', comparePairDocument(tokens, document.spans, [...document.spans].reverse()));
      expect(report.exact.micro.f1, document.name).toBe(1);
      expect(report.overlap.micro.f1, document.name).toBe(1);
      expect(report.tokens.kappa === null || report.tokens.kappa === 1, document.name).toBe(true);
    }
  });

  it('against a changed copy: the counts the changes imply, and symmetry', () => {
    for (const document of documents) {
      const tokens = documentTokens(document.text).tokens;
      const changed = perturb(document);
      const ab = summarizePair('A', 'B', comparePairDocument(tokens, document.spans, changed.spans));
      const ba = summarizePair('B', 'A', comparePairDocument(tokens, changed.spans, document.spans));
      // Every untouched span still has its exact twin; every span whose type was kept overlaps its own copy.
      expect(ab.exact.micro.matched, document.name).toBeGreaterThanOrEqual(changed.untouched);
      expect(ab.overlap.micro.matched, document.name).toBeGreaterThanOrEqual(changed.sameType);
      expect(ab.overlap.micro.matched).toBeGreaterThanOrEqual(ab.exact.micro.matched);
      expect(ab.overlap.micro.matched).toBeLessThanOrEqual(Math.min(ab.overlap.micro.countA, ab.overlap.micro.countB));
      // Swapping the annotators swaps precision and recall and leaves F1 and kappa alone.
      expect(ba.exact.micro.matched).toBe(ab.exact.micro.matched);
      expect(ba.overlap.micro.matched).toBe(ab.overlap.micro.matched);
      expect(ba.overlap.micro.precision).toBe(ab.overlap.micro.recall);
      if (ab.tokens.kappa !== null) expect(ba.tokens.kappa).toBeCloseTo(ab.tokens.kappa, 12);
    }
  });

  it('curation: adopting one side everywhere gives exactly that side back', () => {
    for (const document of documents) {
      const changed = perturb(document).spans;
      const listing = listDisagreements([
        { annotator: 'A', annotations: document.spans },
        { annotator: 'B', annotations: changed },
      ]);
      for (const side of ['A', 'B'] as const) {
        const decisions = new Map<string, CurationDecision>(listing.groups.map((group) => [group.id, { kind: 'adopt', annotator: side }]));
        const result = applyCuration(listing, decisions, document.text);
        const expected = side === 'A' ? document.spans : changed;
        expect(result.annotations.map(spanKey).sort(), `${document.name} ${side}`).toEqual(expected.map(spanKey).sort());
        expect(new Set(result.annotations.map((span) => span.id)).size).toBe(result.annotations.length);
      }
    }
  });
});

describe.skipIf(present)('agreement on BioNLP-ST 2011: skipped, ../shared/data/brat-example-data is absent', () => {
  it('needs the real data beside the project', () => {
    expect(present).toBe(false);
  });
});
