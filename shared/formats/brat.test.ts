import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredAnnotation } from '../model/nativeFormat';
import { serializeBrat } from './brat';
import { checkDocument } from './checkedSpans';
import { fixtureDocument, randomDocument, reportedIds, sliceCodePoints } from './testArticles';

const dataRoot = path.resolve(__dirname, '../../../shared/data');
const bratExamples = path.join(dataRoot, 'brat-example-data');

interface BratTextBound {
  id: string;
  type: string;
  fragments: [number, number][];
  text: string;
}

/** A test-local reader of brat T lines. */
function readTextBounds(ann: string): BratTextBound[] {
  return ann
    .split('\n')
    .filter((line) => line.startsWith('T'))
    .map((line) => {
      const [id, typeAndOffsets, text] = line.split('\t');
      const space = typeAndOffsets.indexOf(' ');
      const fragments = typeAndOffsets
        .slice(space + 1)
        .split(';')
        .map((pair) => pair.split(' ').map(Number) as [number, number]);
      return { id, type: typeAndOffsets.slice(0, space), fragments, text };
    });
}

function listAnnFiles(folder: string, found: string[] = []): string[] {
  for (const name of readdirSync(folder)) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) listAnnFiles(full, found);
    else if (name.endsWith('.ann')) found.push(full);
  }
  return found;
}

describe('brat export', () => {
  it('writes NAME.txt, NAME.ann and annotation.conf with T, A, R and # lines', () => {
    const { files, reports } = serializeBrat([fixtureDocument('news/001.txt')], { types: ['PER', 'ORG'] });
    expect(files.map((file) => file.path)).toEqual(['news/001.txt', 'news/001.ann', 'annotation.conf']);
    const ann = files[1].content;
    const text = files[0].content;
    const bounds = readTextBounds(ann);
    for (const bound of bounds) {
      const covered = bound.fragments.map(([start, end]) => sliceCodePoints(text, start, end)).join(' ');
      expect(covered, bound.id).toBe(bound.text);
    }
    expect(bounds.map((bound) => bound.id)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T14', 'T7', 'T8', 'T9', 'T10', 'T11']);
    expect(ann).toContain('T2\tPER 9 14\tباقری\n');
    expect(ann).toContain('T7\tLOC 24 36\tکشورهای\u00A0جهان\n');
    expect(ann).toMatch(/^T8\tEVENT 2 8;15 18\tسرلشکر گفت$/m);
    // The span over the line end is split there, as brat needs.
    expect(ann).toMatch(/^T9\tMISC 37 47;48 52\tمی‌خواهند\. رئیس$/m);
    expect(ann).toMatch(/^A1\tnegated T3$/m);
    expect(ann).toMatch(/^A2\tconfidence T3 high$/m);
    expect(ann).not.toContain('hidden');
    expect(ann).toMatch(/^R1\tMember_of Arg1:T1 Arg2:T3$/m);
    expect(ann).toMatch(/^#1\tAnnotatorNotes T1\tChief of staff, Armed Forces$/m);
    expect(ann).toMatch(/^#2\tAnnotatorNotes R1\thead of$/m);
    const conf = files[2].content;
    expect(conf).toContain('[entities]\nPER\nORG\nEVENT\nLOC\nMISC\nPERCENT\n');
    expect(conf).toContain('Member_of\tArg1:<ENTITY>, Arg2:<ENTITY>');
    expect(conf).toContain('confidence\tArg:<ENTITY>, Value:high');
    expect(conf).toContain('negated\tArg:<ENTITY>\n');
    const problems = Object.fromEntries(reports[0].problems.filter((problem) => problem.annotation).map((problem) => [problem.annotation, problem.kind]));
    expect(problems).toMatchObject({ T9: 'crosses-line', T1: 'note-flattened', T12: 'text-mismatch', T13: 'out-of-range', R2: 'relation-dangling' });
  });

  it('round-trips random Persian articles: every span comes back with its offsets and text (property test)', () => {
    for (let seed = 2000; seed < 2300; seed++) {
      const document = randomDocument(seed);
      const { files, reports } = serializeBrat([document]);
      const bounds = readTextBounds(files[1].content);
      const changed = reportedIds(reports[0], ['changed']);
      const lost = reportedIds(reports[0], ['lost']);
      const byId = new Map(document.annotations.map((annotation) => [annotation.id, annotation]));
      const written = checkDocument(document).spans.filter((span) => !lost.has(span.annotation.id));
      expect(bounds.length, `seed ${seed}`).toBe(written.length);
      for (const id of lost) expect(byId.get(id)?.text).toMatch(/^\n+$/);
      bounds.forEach((bound, index) => {
        const annotation = written[index].annotation;
        expect(byId.get(annotation.id)?.type).toBe(bound.type);
        const covered = bound.fragments.map(([start, end]) => sliceCodePoints(document.text, start, end)).join(' ');
        expect(covered).toBe(bound.text);
        if (!changed.has(annotation.id)) {
          expect(bound.fragments, `seed ${seed}`).toEqual([[annotation.start, annotation.end]]);
          expect(bound.text).toBe(annotation.text);
        } else {
          expect(annotation.text).toContain('\n');
        }
      });
    }
  });

  it.skipIf(!existsSync(bratExamples))(`exports the brat example corpora to identical T lines (skipped when ${bratExamples} is absent)`, () => {
    const annFiles = listAnnFiles(bratExamples);
    expect(annFiles.length).toBeGreaterThan(30);
    let compared = 0;
    for (const annFile of annFiles) {
      const text = readFileSync(annFile.replace(/\.ann$/, '.txt'), 'utf8');
      const ann = readFileSync(annFile, 'utf8');
      const originalLines = ann.split('\n').filter((line) => line.startsWith('T'));
      const annotations: StoredAnnotation[] = readTextBounds(ann).map((bound) => ({
        id: bound.id,
        type: bound.type,
        start: bound.fragments[0][0],
        end: bound.fragments[bound.fragments.length - 1][1],
        text: bound.text,
        ...(bound.fragments.length > 1 ? { fragments: bound.fragments.map(([start, end]) => ({ start, end })) } : {}),
      }));
      const { files, reports } = serializeBrat([{ id: 'doc.txt', text, annotations, relations: [] }]);
      expect(reports[0].problems, annFile).toEqual([]);
      const exportedLines = files[1].content.split('\n').filter((line) => line.startsWith('T'));
      expect(exportedLines, annFile).toEqual(originalLines);
      compared += originalLines.length;
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
