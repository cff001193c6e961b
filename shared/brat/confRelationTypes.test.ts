import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveEventTypes, resolveRelationTypes } from '../tagset/relationTypes';
import { parseAnnotationConf } from './annotationConf';
import { confSchema } from './confRelationTypes';

const BRAT_DATA = path.resolve(import.meta.dirname, '../../../shared/data/brat-example-data');
const RAREDIS_DATA = path.resolve(import.meta.dirname, '../../../shared/data/raredis-brat');

const CONF = [
  '[entities]',
  '!Agent',
  '\tPerson',
  '\tOrganization',
  'Location',
  'DRUG',
  'DISORDER',
  '[relations]',
  'Member\tArg1:Person, Arg2:Agent',
  'Treats\tArg1:DRUG, Arg2:DRUG|DISORDER',
  'Near\tArg1:<ENTITY>, Arg2:<ANY>, <REL-TYPE>:symmetric-transitive',
  'Equiv\tArg1:Person, Arg2:Person',
  'Equiv\tArg1:Location, Arg2:Location',
  'Broken\tArg1:Person',
  '<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>',
  'ENTITY-NESTING\tArg1:Person, Arg2:Organization',
  '[events]',
  '!Life',
  '\tMarry\tPerson-Arg{2}:Person, Place-Arg?:Location',
  'Binding\tTheme+:Person|Organization, Site*:Location',
  'Report\tReporter:Agent, Event:<EVENT>, Source{1-3}:Organization',
  'Odd\tTheme!:Person',
  '[attributes]',
  'Negation\tArg:<EVENT>',
  'Confidence\tArg:<RELATION>, Value:High|Low',
  'Mention\tArg:Person, Value:Name|Nominal',
].join('\n');

describe('annotation.conf relation and event types', () => {
  const schema = confSchema(parseAnnotationConf(CONF));

  it('reads relation types with their argument roles and allowed types, macros and the hierarchy expanded', () => {
    const byId = Object.fromEntries(schema.relationTypes.map((type) => [type.id, type]));
    expect(Object.keys(byId)).toEqual(['Member', 'Treats', 'Near', 'Equiv']);
    // `Agent` is abstract: it stands for its sub-types only.
    expect(byId.Member.args).toEqual([{ role: 'Arg1', types: ['Person'] }, { role: 'Arg2', types: ['Person', 'Organization'] }]);
    expect(byId.Treats.args).toEqual([{ role: 'Arg1', types: ['DRUG'] }, { role: 'Arg2', types: ['DRUG', 'DISORDER'] }]);
    expect(byId.Near.args).toEqual([{ role: 'Arg1', types: ['Person', 'Organization', 'Location', 'DRUG', 'DISORDER'] }, { role: 'Arg2', types: [] }]);
    expect(byId.Near.symmetric).toBe(true);
    expect(byId.Equiv.args).toEqual([{ role: 'Arg1', types: ['Person', 'Location'] }, { role: 'Arg2', types: ['Person', 'Location'] }]);
    expect(byId.Confidence).toBeUndefined();
    expect(byId.Member.attributes).toEqual([{ id: 'Confidence', type: 'enum', values: ['High', 'Low'] }]);
    expect(schema.problems.map((problem) => problem.line)).toEqual([14, 22]);
  });

  it('reads event types with role cardinality, apart from the span tags', () => {
    expect(schema.entityTypes.map((type) => type.id)).toEqual(['Person', 'Organization', 'Location', 'DRUG', 'DISORDER']);
    expect(schema.entityTypes[0].attributes).toEqual([{ id: 'Mention', type: 'enum', values: ['Name', 'Nominal'] }]);
    const events = resolveEventTypes(schema.eventTypes);
    expect(events.map((event) => event.id)).toEqual(['Marry', 'Binding', 'Report', 'Odd']);
    const roles = Object.fromEntries(events.map((event) => [event.id, event.roles.map((role) => [role.role, role.types.join('|'), role.min, role.max])]));
    expect(roles.Marry).toEqual([['Person-Arg', 'Person', 2, 2], ['Place-Arg', 'Location', 0, 1]]);
    expect(roles.Binding).toEqual([['Theme', 'Person|Organization', 1, null], ['Site', 'Location', 0, null]]);
    expect(roles.Report).toEqual([['Reporter', 'Person|Organization', 1, 1], ['Event', 'Marry|Binding|Report|Odd', 1, 1], ['Source', 'Organization', 1, 3]]);
    expect(roles.Odd).toEqual([]);
    expect(events[0].attributes).toEqual([{ id: 'Negation', label: { fa: 'Negation', en: 'Negation' }, type: 'boolean', values: [] }]);
    expect(resolveRelationTypes(schema.relationTypes)).toHaveLength(4);
  });

  it.skipIf(!existsSync(RAREDIS_DATA))(`reads RareDis's constraints as written, not as <ENTITY> (${RAREDIS_DATA})`, () => {
    const raredis = confSchema(parseAnnotationConf(readFileSync(path.join(RAREDIS_DATA, 'dev/annotation.conf'), 'utf8')));
    expect(raredis.problems).toEqual([]);
    const produces = raredis.relationTypes.find((type) => type.id === 'Produces');
    expect(produces?.args).toEqual([{ role: 'Arg1', types: ['RAREDISEASE', 'DISEASE', 'SKINRAREDISEASE', 'ANAPHOR'] }, { role: 'Arg2', types: ['SYMPTOM', 'SIGN'] }]);
    expect(raredis.relationTypes.map((type) => type.id)).toEqual(['Produces', 'Increases_risk_of', 'Is_a', 'Is_acron', 'Anaphora', 'Is_synon']);
  });

  it.skipIf(!existsSync(BRAT_DATA))(`reads every configuration of brat's example data (${BRAT_DATA})`, () => {
    const read = (relative: string) => confSchema(parseAnnotationConf(readFileSync(path.join(BRAT_DATA, relative), 'utf8')));
    const news = read('tutorials/news/annotation.conf');
    expect(news.problems).toEqual([]);
    expect(news.eventTypes.map((type) => type.id)).toEqual(['Be-born', 'Marry', 'Divorce', 'Die', 'Transfer-ownership', 'Transfer-money', 'Start-org', 'Merge-org', 'End-org', 'Report']);
    expect(news.eventTypes.find((type) => type.id === 'Merge-org')?.roles).toEqual([{ role: 'Org-Arg', types: ['Organization'], cardinality: { min: 1, max: null } }]);
    expect(news.relationTypes.find((type) => type.id === 'Alias')?.symmetric).toBe(true);
    const ge = read('corpora/BioNLP-ST_2011/BioNLP-ST_2011_GE/annotation.conf');
    expect(ge.eventTypes.find((type) => type.id === 'Regulation')?.roles?.[0].types).toContain('Phosphorylation');
    for (const relative of ['corpora/TDT', 'corpora/CoNLL-ST_2006', 'corpora/BioNLP-ST_2011/BioNLP-ST_2011_ID', 'corpora/BioNLP-ST_2011/BioNLP-ST_2011_REL', 'corpora/NCBI-disease', 'corpora/CoNLL-ST_2002']) {
      expect(read(`${relative}/annotation.conf`).problems, relative).toEqual([]);
    }
  });
});
