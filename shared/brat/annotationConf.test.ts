import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveTagSet } from '../model/tagSet';
import { confAttributes, confRelationTypes, parseAnnotationConf } from './annotationConf';
import { confEntityTagTypes as confTagTypes } from './confRelationTypes';

const BRAT_DATA = path.resolve(import.meta.dirname, '../../../shared/data/brat-example-data');
const RAREDIS_DATA = path.resolve(import.meta.dirname, '../../../shared/data/raredis-brat');

const HIERARCHY = [
  '# comment',
  '[entities]',
  '',
  '!Agent',
  '\tPerson',
  '\t\tPolitician|Pol',
  '\tOrganization',
  'Location',
  '  # indented comment',
  '[relations]',
  '<POG>=Person|Organization',
  'Member  Arg1:Person, Arg2:<POG>',
  '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
  '[events]',
  '!Life',
  '\tBe-born\tPerson-Arg:Person',
  '----------',
  'Attack Attacker:<POG>',
  '[attributes]',
  'Negation\tArg:<EVENT>',
  'Confidence  Arg:<EVENT>, Value:High|Low',
].join('\r\n');

describe('parseAnnotationConf', () => {
  it('reads the hierarchy, abstract types, aliases, macros and special lines', () => {
    const conf = parseAnnotationConf(HIERARCHY);
    expect(conf.problems).toEqual([]);
    expect(conf.entities.map((type) => [type.name, type.abstract, type.depth, type.parent])).toEqual([
      ['Agent', true, 0, null],
      ['Person', false, 1, 'Agent'],
      ['Politician', false, 2, 'Person'],
      ['Organization', false, 1, 'Agent'],
      ['Location', false, 0, null],
    ]);
    expect(conf.entities[2].aliases).toEqual(['Pol']);
    expect(conf.relations.map((type) => type.name)).toEqual(['Member']);
    expect(conf.relations[0].args).toEqual(['Arg1:Person', 'Arg2:Person|Organization']);
    expect(conf.events.map((type) => `${type.abstract ? '!' : ''}${type.name}`)).toEqual(['!Life', 'Be-born', 'Attack']);
    expect(confAttributes(conf)).toEqual([
      { name: 'Negation', targets: ['<EVENT>'], values: [] },
      { name: 'Confidence', targets: ['<EVENT>'], values: ['High', 'Low'] },
    ]);
  });

  it('gives the span tag types in file order, entity types only (event types are never span tags), without abstract ones', () => {
    const types = confTagTypes(parseAnnotationConf(HIERARCHY));
    expect(types.map((type) => type.id)).toEqual(['Person', 'Politician', 'Organization', 'Location']);
    const tagSet = resolveTagSet('annotation.conf', types);
    expect(tagSet.types.map((type) => type.hotkey)).toEqual(['Digit1', 'Digit2', 'Digit3', 'Digit4']);
  });

  it('reports what it cannot place and survives garbage', () => {
    const conf = parseAnnotationConf('Stray\n[nonsense]\nX\n[entities]\n\t\tOrphan\nPER\n');
    expect(conf.entities.map((type) => [type.name, type.depth])).toEqual([['Orphan', 0], ['PER', 0]]);
    expect(conf.problems.map((problem) => problem.line)).toEqual([1, 2, 5]);
    expect(parseAnnotationConf('')).toMatchObject({ entities: [], problems: [] });
    expect(parseAnnotationConf('\uFEFF[entities]\nشخص\n').entities[0].name).toBe('شخص');
  });

  it.skipIf(!existsSync(BRAT_DATA))(`reads brat's example configurations (${BRAT_DATA})`, () => {
    const read = (relative: string) => parseAnnotationConf(readFileSync(path.join(BRAT_DATA, relative), 'utf8'));
    const news = read('tutorials/news/annotation.conf');
    expect(news.problems).toEqual([]);
    expect(confTagTypes(news).map((type) => type.id)).toEqual([
      'Person', 'Organization', 'GPE', 'Money',
    ]);
    expect(confRelationTypes(news)).toEqual(['Located', 'Geographical_part', 'Family', 'Employment', 'Ownership', 'Origin', 'Alias']);
    expect(news.events.find((type) => type.name === 'Die')?.args).toEqual(['Person-Arg:Person', 'Agent-Arg?:Person|Organization|GPE', 'Place-Arg?:GPE']);
    expect(confAttributes(news).map((attribute) => [attribute.name, attribute.values.join('|')])).toEqual([
      ['Individual', ''], ['Mention', 'Name|Nominal|Other'], ['Negation', ''], ['Confidence', 'High|Neutral|Low'],
    ]);
    // `[spans]` is brat's older name for `[entities]`.
    expect(confTagTypes(read('corpora/TDT/annotation.conf')).map((type) => type.id).slice(0, 3)).toEqual(['A', 'Adp', 'Adv']);
    expect(confTagTypes(read('corpora/CoNLL-ST_2002/annotation.conf')).map((type) => type.id)).toEqual(['ORG', 'PER', 'LOC', 'MISC']);
    const ge = read('corpora/BioNLP-ST_2011/BioNLP-ST_2011_GE/annotation.conf');
    expect(confTagTypes(ge).map((type) => type.id)).not.toContain('Phosphorylation');
    expect(confAttributes(read('corpora/NCBI-disease/annotation.conf'))[0]).toEqual({
      name: 'Category', targets: ['Disease'], values: ['SpecificDisease', 'Modifier', 'DiseaseClass', 'CompositeMention'],
    });
  });

  it.skipIf(!existsSync(RAREDIS_DATA))(`reads RareDis's configuration with its stray tabs (${RAREDIS_DATA})`, () => {
    const conf = parseAnnotationConf(readFileSync(path.join(RAREDIS_DATA, 'dev/annotation.conf'), 'utf8'));
    expect(conf.problems).toEqual([]);
    expect(confTagTypes(conf).map((type) => type.id)).toEqual(['RAREDISEASE', 'DISEASE', 'SYMPTOM', 'SIGN', 'SKINRAREDISEASE', 'ANAPHOR']);
    expect(confRelationTypes(conf)).toEqual(['Produces', 'Increases_risk_of', 'Is_a', 'Is_acron', 'Anaphora', 'Is_synon']);
  });
});
