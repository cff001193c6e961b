import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { findOffsetProblem, parseAnnotationFile } from '../../../shared/model/readAnnotationFile';
import type { AnnotationFile } from '../../../shared/model/nativeFormat';
import { importCorpus } from './importCorpus';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataRoot = path.resolve(projectRoot, '../shared/data');

const temporaryFolders: string[] = [];
async function newFolder(): Promise<string> {
  const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'hashiye-import-real-'));
  temporaryFolders.push(folder);
  return folder;
}
afterEach(async () => {
  for (const folder of temporaryFolders.splice(0)) await fs.rm(folder, { recursive: true, force: true });
});

interface Sentence {
  tokens: string[];
  tags: string[];
}

/**
 * Reads a CoNLL sample independently of the importer, with the separator its SOURCE.md states,
 * and turns its tags into IOB2 with hyphens the stated way: `_` becomes `-`, and an `I-X`
 * that does not follow `B-X` or `I-X` becomes `B-X`.
 */
function readSourceSentences(content: string, separator: '\t' | '|' | ' '): Sentence[] {
  const sentences: Sentence[] = [];
  let current: Sentence = { tokens: [], tags: [] };
  const body = content.startsWith('\ufeff') ? content.slice(1) : content;
  for (const line of body.split(/\r?\n/)) {
    if (line.replace(/[\u200e\u200f]/g, '').trim() === '') {
      if (current.tokens.length > 0) sentences.push(current);
      current = { tokens: [], tags: [] };
      continue;
    }
    const cut = line.lastIndexOf(separator);
    current.tokens.push(line.slice(0, cut));
    current.tags.push(line.slice(cut + 1).replace(/^([BI])_/, '$1-'));
  }
  if (current.tokens.length > 0) sentences.push(current);
  for (const sentence of sentences) {
    sentence.tags = sentence.tags.map((tag, index) => {
      if (!tag.startsWith('I-')) return tag;
      const previous = sentence.tags[index - 1];
      return previous === `B-${tag.slice(2)}` || previous === tag ? tag : `B-${tag.slice(2)}`;
    });
  }
  return sentences;
}

/** Rebuilds the sentences of an imported article from its text, its `tokens` and its annotations. */
function readImportedSentences(text: string, file: AnnotationFile): Sentence[] {
  const codePoints = Array.from(text);
  const tokens = file.tokens ?? [];
  const tags = tokens.map(() => 'O');
  for (const annotation of file.annotations) {
    const from = tokens.findIndex(([start]) => start === annotation.start);
    const to = tokens.findIndex(([, end]) => end === annotation.end);
    expect(from, `annotation ${annotation.id} starts on a token`).toBeGreaterThanOrEqual(0);
    expect(to, `annotation ${annotation.id} ends on a token`).toBeGreaterThanOrEqual(from);
    for (let index = from; index <= to; index++) tags[index] = `${index === from ? 'B' : 'I'}-${annotation.type}`;
  }
  const sentences: Sentence[] = [];
  let current: Sentence = { tokens: [], tags: [] };
  tokens.forEach(([start, end], index) => {
    if (index > 0 && codePoints.slice(tokens[index - 1][1], start).join('') === '\n') {
      sentences.push(current);
      current = { tokens: [], tags: [] };
    }
    current.tokens.push(codePoints.slice(start, end).join(''));
    current.tags.push(tags[index]);
  });
  if (current.tokens.length > 0) sentences.push(current);
  return sentences;
}

async function readCorpus(folder: string): Promise<{ sentences: Sentence[]; entities: number }> {
  const names = (await fs.readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  const sentences: Sentence[] = [];
  let entities = 0;
  for (const name of names) {
    const bytes = await fs.readFile(path.join(folder, name));
    const text = bytes.toString('utf8');
    const parsed = parseAnnotationFile(await fs.readFile(path.join(folder, name.replace(/\.txt$/, '.ann.json')), 'utf8'));
    if (!parsed.ok) throw new Error(`${name}: ${parsed.problem.message}`);
    expect(parsed.file.source.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(parsed.file.source.length).toBe(Array.from(text).length);
    expect(findOffsetProblem(parsed.file, Array.from(text))).toBeNull();
    entities += parsed.file.annotations.length;
    sentences.push(...readImportedSentences(text, parsed.file));
  }
  return { sentences, entities };
}

const corpora = [
  { name: 'Arman (space, IOB2, lower-case types)', file: 'arman-personer/test_fold1.first300.txt', separator: ' ', detected: 'space', entities: 487 },
  { name: 'PEYMA (|, B_ORG, tokens with spaces)', file: 'peyma/test.first300.txt', separator: '|', detected: 'pipe', entities: 584 },
  { name: 'ParsTwiNER (tab, ZWNJ)', file: 'parstwiner/test.first300.txt', separator: '\t', detected: 'tab', entities: 649 },
  { name: 'ANERcorp (space, I- without B-, no final newline)', file: 'anercorp-camellab/ANERCorp_CamelLab_test.last300.txt', separator: ' ', detected: 'space', entities: null },
  { name: 'NewsFANE (BOM, CRLF, LRM, tab-only separator lines)', file: 'newsfane-gold/NewsFANE_Gold_2014_170K.first300.txt', separator: '\t', detected: 'tab', entities: 790 },
] as const;

for (const corpus of corpora) {
  const source = path.join(dataRoot, corpus.file);
  const present = existsSync(source);
  describe.skipIf(!present)(`import of ${corpus.name}${present ? '' : ` — skipped: ${source} is absent`}`, () => {
    it('gives back the same tokens and IOB2 tags, token for token, and the same number of entities', async () => {
      const out = path.join(await newFolder(), 'corpus');
      const summary = await importCorpus(source, { from: 'conll', out, sentencesPerArticle: 50 });
      expect(summary.skipped).toEqual([]);
      expect(summary.detected[0].separator).toBe(corpus.detected);
      expect(summary.articles).toBe(6);

      const expected = readSourceSentences(await fs.readFile(source, 'utf8'), corpus.separator);
      const imported = await readCorpus(out);
      expect(imported.sentences.length).toBe(300);
      expect(imported.sentences.length).toBe(expected.length);
      for (let index = 0; index < expected.length; index++) {
        expect(imported.sentences[index], `sentence ${index + 1}`).toEqual(expected[index]);
      }
      const expectedEntities = expected.flatMap((sentence) => sentence.tags).filter((tag) => tag.startsWith('B-')).length;
      expect(imported.entities).toBe(expectedEntities);
      expect(summary.annotations).toBe(expectedEntities);
      if (corpus.entities !== null) expect(imported.entities).toBe(corpus.entities);
    });
  });
}

const anercorp = path.join(dataRoot, 'anercorp-camellab/ANERCorp_CamelLab_test.last300.txt');
describe.skipIf(!existsSync(anercorp))(`ANERcorp's I- tags without B-${existsSync(anercorp) ? '' : ' — skipped: the sample is absent'}`, () => {
  it('are imported as entity starts and each one is reported with its line', async () => {
    const out = path.join(await newFolder(), 'corpus');
    const summary = await importCorpus(anercorp, { from: 'conll', out });
    expect(summary.detected[0].scheme).toBe('iob2');
    expect(summary.warnings.length).toBe(23);
    expect(summary.warnings.some((warning) => warning.line === 157 && warning.reason.includes('I-PERS'))).toBe(true);
  });
});

const newsfane = path.join(dataRoot, 'newsfane-gold/NewsFANE_Gold_2014_170K.first300.txt');
describe.skipIf(!existsSync(newsfane))(`NewsFANE's LRM marks${existsSync(newsfane) ? '' : ' — skipped: the sample is absent'}`, () => {
  it('stay inside the tokens (lossless) and the BOM and CRs do not', async () => {
    const out = path.join(await newFolder(), 'corpus');
    await importCorpus(newsfane, { from: 'conll', out });
    const text = await fs.readFile(path.join(out, 'NewsFANE_Gold_2014_170K.first300-001.txt'), 'utf8');
    expect(text.startsWith('\u200eفرانكفورت')).toBe(true);
    expect(text.includes('\r')).toBe(false);
    expect(text.includes('\ufeff')).toBe(false);
    expect(text.match(/\u200e/g)?.length).toBeGreaterThan(2000);
  });
});

const doccano = path.join(dataRoot, 'doccano-examples');
describe.skipIf(!existsSync(doccano))(`doccano samples${existsSync(doccano) ? '' : ' — skipped: doccano-examples is absent'}`, () => {
  async function importOne(file: string, extra: { textField?: string; labelField?: string } = {}) {
    const out = path.join(await newFolder(), 'corpus');
    const summary = await importCorpus(path.join(doccano, file), { from: 'jsonl', out, ...extra });
    return { out, summary };
  }
  async function spansOf(out: string, name: string) {
    const parsed = parseAnnotationFile(await fs.readFile(path.join(out, `${name}.ann.json`), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.problem.message);
    return parsed.file;
  }

  it('sequence labelling export: every span, with its text', async () => {
    const { out, summary } = await importOne('data_export.sequence_labeling.example.jsonl');
    expect(summary.skipped).toEqual([]);
    expect(summary.articles).toBe(3);
    const first = await spansOf(out, 'data_export.sequence_labeling.example-001');
    expect(first.annotations.map((annotation) => [annotation.type, annotation.text])).toEqual([['ORG', 'EU'], ['MISC', 'German']]);
    const third = await spansOf(out, 'data_export.sequence_labeling.example-003');
    expect(third.annotations.map((annotation) => [annotation.type, annotation.text, annotation.start, annotation.end])).toEqual([['PERSON', 'Obama', 10, 15]]);
  });

  it('relation extraction, pretty-printed over many lines: entities and relations', async () => {
    const { out, summary } = await importOne('data_export.relation_extraction.example.jsonl');
    expect(summary.skipped).toEqual([]);
    const file = await spansOf(out, 'data_export.relation_extraction.example-001');
    expect(file.annotations.map((annotation) => annotation.text)).toEqual(['Google', 'September 4, 1998', 'Larry Page', 'Sergey Brin']);
    expect(file.relations.map((relation) => [relation.type, relation.from, relation.to])).toEqual([
      ['foundedAt', 'T1', 'T2'],
      ['foundedBy', 'T1', 'T3'],
      ['foundedBy', 'T1', 'T4'],
    ]);
  });

  it('custom column names, a record without text (reported with its line), overlapping spans', async () => {
    const custom = await importOne('data_import.sequence_labeling.example.jsonl');
    expect(custom.summary.annotations).toBe(3);
    const tests = await importOne('data_import.tests.sequence_labeling.example.jsonl');
    expect(tests.summary.articles).toBe(2);
    expect(tests.summary.skipped).toEqual([expect.objectContaining({ line: 3, reason: expect.stringContaining('no text') })]);
    const overlapping = await importOne('data_import.tests.sequence_labeling.example_overlapping.jsonl');
    expect(overlapping.summary.annotations).toBe(2);
  });

  it('the doccano CoNLL sample imports as tab-separated IOB2', async () => {
    const out = path.join(await newFolder(), 'corpus');
    const summary = await importCorpus(path.join(doccano, 'data_import.tests.sequence_labeling.example.conll'), { from: 'conll', out });
    expect(summary.skipped).toEqual([]);
    expect(summary.detected[0]).toMatchObject({ separator: 'tab', scheme: 'iob2' });
    expect(summary.annotations).toBeGreaterThan(0);
  });
});

const bratNews = path.join(dataRoot, 'brat-example-data/tutorials/news');
describe.skipIf(!existsSync(bratNews))(`brat example data${existsSync(bratNews) ? '' : ' — skipped: brat-example-data is absent'}`, () => {
  it('imports every T line of the news tutorial with the text brat gives, its events as roles on their triggers, and reports the lines it leaves out', async () => {
    const out = path.join(await newFolder(), 'corpus');
    const summary = await importCorpus(bratNews, { from: 'brat', out });
    const annFiles = (await fs.readdir(bratNews)).filter((name) => name.endsWith('.ann'));
    let tLines = 0;
    let eLines = 0;
    let triggersWithRoles = 0;
    for (const name of annFiles) {
      const lines = (await fs.readFile(path.join(bratNews, name), 'utf8')).split('\n');
      tLines += lines.filter((line) => line.startsWith('T')).length;
      eLines += lines.filter((line) => line.startsWith('E')).length;
      const native = parseAnnotationFile(await fs.readFile(path.join(out, name.replace(/\.ann$/, '.ann.json')), 'utf8'));
      if (!native.ok) throw new Error(native.problem.message);
      triggersWithRoles += native.file.annotations.filter((annotation) => Array.isArray(annotation.roles)).length;
      const text = await fs.readFile(path.join(out, name.replace(/\.ann$/, '.txt')), 'utf8');
      expect(findOffsetProblem(native.file, Array.from(text))).toBeNull();
    }
    expect(summary.articles).toBe(annFiles.length);
    expect(summary.annotations).toBe(tLines);
    expect(summary.warnings).toEqual([]);
    // Each of the tutorial's 23 events has a trigger of its own: every one comes in as roles.
    expect(summary.skipped.filter((problem) => problem.reason.includes('event')).length).toBe(0);
    expect(triggersWithRoles).toBe(eLines);
  });

  const raredis = path.join(dataRoot, 'raredis-brat/dev');
  it.skipIf(!existsSync(raredis))(`keeps RareDis's discontinuous spans as fragments and flags the CSV-quoted text${existsSync(raredis) ? '' : ' (skipped: raredis-brat is absent)'}`, async () => {
    const out = path.join(await newFolder(), 'corpus');
    const summary = await importCorpus(raredis, { from: 'brat', out });
    expect(summary.annotations).toBe(343);
    // Some R lines of the sample name T ids that the file does not have (e.g. R1 → T30 in
    // Succinic-Semialdehyde-Dehydrogenase-Deficiency.ann): those, and only those, are reported.
    expect(summary.skipped.length).toBeGreaterThan(0);
    for (const problem of summary.skipped) expect(problem.reason).toMatch(/^R\d+: relation needs two arguments that are imported T annotations/);
    expect(summary.skipped).toContainEqual(expect.objectContaining({ file: path.join(raredis, 'Succinic-Semialdehyde-Dehydrogenase-Deficiency.ann'), line: 17 }));
    expect(summary.warnings).toEqual([expect.objectContaining({ reason: expect.stringContaining('T35') })]);
    let discontinuous = 0;
    for (const name of (await fs.readdir(out)).filter((entry) => entry.endsWith('.ann.json'))) {
      const native = parseAnnotationFile(await fs.readFile(path.join(out, name), 'utf8'));
      if (!native.ok) throw new Error(native.problem.message);
      const text = await fs.readFile(path.join(out, name.replace(/\.ann\.json$/, '.txt')), 'utf8');
      expect(findOffsetProblem(native.file, Array.from(text))).toBeNull();
      discontinuous += native.file.annotations.filter((annotation) => annotation.fragments !== undefined).length;
    }
    expect(discontinuous).toBe(61);
  });
});
