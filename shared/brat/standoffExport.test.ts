import { describe, expect, it } from 'vitest';
import { serializeBrat } from '../formats/brat';
import { configurationsInUse, governingConfiguration } from './confPlacement';

const TEXT = 'Alice met Bob in Paris.\n';
// A trailing TAB on the R line, an event, a normalization, a note, an odd A id and CRLF line ends.
const SOURCE = 'T1\tPerson 0 5\tAlice\r\nT2\tPerson 10 13\tBob\r\nT3\tMeet 6 9\tmet\r\nR1\tKnows Arg1:T1 Arg2:T2\t\r\nE1\tMeet:T3 Agent:T1 Partner:T2\r\nA7\tNegated E1\r\nN1\tReference T1 Wiki:1\tAlice\r\n#1\tAnnotatorNotes T2\tthe other\r\n';

const annotations = [
  { id: 'T1', type: 'Person', start: 0, end: 5, text: 'Alice' },
  { id: 'T2', type: 'Person', start: 10, end: 13, text: 'Bob', note: 'the other' },
  { id: 'T3', type: 'Meet', start: 6, end: 9, text: 'met' },
];

describe('brat export from a brat source', () => {
  it('writes an unedited article byte for byte, lines the app does not show included', () => {
    const { files, reports } = serializeBrat([{ id: 'a/doc.txt', text: TEXT, annotations, relations: [{ id: 'R1', type: 'Knows', from: 'T1', to: 'T2' }], bratSource: SOURCE }]);
    expect(files.find((file) => file.path === 'a/doc.ann')?.content).toBe(SOURCE);
    expect(reports[0].problems).toEqual([]);
  });

  it('patches an edit onto the source: a new relation is one new R line, every other line as it was', () => {
    const relations = [{ id: 'R1', type: 'Knows', from: 'T1', to: 'T2' }, { id: 'new-one', type: 'Located_in', from: 'T2', to: 'T1' }];
    const { files } = serializeBrat([{ id: 'doc.txt', text: TEXT, annotations, relations, bratSource: SOURCE }]);
    expect(files.find((file) => file.path === 'doc.ann')?.content).toBe(`${SOURCE}R2\tLocated_in Arg1:T2 Arg2:T1\r\n`);
  });

  it('writes each folder\'s annotation.conf where it was, and makes one up only for articles none governs', () => {
    const bratConfigurations = [{ folder: 'news', content: '[entities]\nPerson\n' }, { folder: 'unused', content: 'x' }];
    const documents = [
      { id: 'news/deep/doc.txt', text: TEXT, annotations, relations: [], bratSource: SOURCE },
      { id: 'loose.txt', text: TEXT, annotations: [annotations[0]], relations: [] },
    ];
    const { files } = serializeBrat(documents, { bratConfigurations });
    const confs = files.filter((file) => file.path.endsWith('annotation.conf'));
    expect(confs.map((file) => file.path)).toEqual(['news/annotation.conf', 'annotation.conf']);
    expect(confs[0].content).toBe('[entities]\nPerson\n');
    expect(confs[1].content).toContain('[entities]\nPerson\n');
  });

  it('finds the governing configuration up the folders, never past the corpus folder', () => {
    const configurations = [{ folder: '' }, { folder: 'a/b' }];
    expect(governingConfiguration('a/b/c/d.txt', configurations)?.folder).toBe('a/b');
    expect(governingConfiguration('a/x.txt', configurations)?.folder).toBe('');
    expect(configurationsInUse(['a/x.txt'], [{ folder: 'a/b' }])).toEqual({ used: [], ungoverned: ['a/x.txt'] });
  });
});
