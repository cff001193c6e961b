import { describe, expect, it } from 'vitest';
import { checkDocument } from './checkedSpans';
import { serializeLabelStudio } from './labelstudio';
import { fixtureDocument, randomDocument } from './testArticles';

interface Task {
  data: { text: string; article: string };
  annotations: { result: ({ type: 'labels'; id: string; value: { start: number; end: number; text: string; labels: string[] }; meta?: { text: string[] } } | { type: 'relation'; from_id: string; to_id: string; labels: string[] })[] }[];
}

describe('Label Studio export', () => {
  it('writes tasks with results in UTF-16 units, notes as meta and relations', () => {
    const { files, reports } = serializeLabelStudio([fixtureDocument('a.txt'), fixtureDocument('b.txt')], { types: ['PER'] });
    expect(files.map((file) => file.path)).toEqual(['tasks.json', 'label-config.xml']);
    const tasks = JSON.parse(files[0].content) as Task[];
    expect(tasks).toHaveLength(2);
    const results = tasks[0].annotations[0].result;
    const first = results[0];
    expect(first).toMatchObject({ type: 'labels', id: 'T1', value: { start: 3, end: 15, text: 'سرلشکر باقری', labels: ['PER'] }, meta: { text: ['Chief of staff,\nArmed Forces'] } });
    expect(results.filter((result) => result.type === 'relation')).toEqual([{ type: 'relation', from_id: 'T1', to_id: 'T3', direction: 'right', labels: ['Member_of'] }]);
    expect(results.map((result) => (result.type === 'labels' ? result.id : ''))).toContain('T8~2');
    expect(files[1].content).toContain('<Label value="PER"/>\n    <Label value="EVENT"/>');
    expect(reports[0].problems.map((problem) => problem.kind)).toEqual(expect.arrayContaining(['text-mismatch', 'out-of-range', 'discontinuous', 'attributes-omitted']));
  });

  it('round-trips random Persian articles with overlapping spans (property test)', () => {
    for (let seed = 4000; seed < 4300; seed++) {
      const document = randomDocument(seed);
      const [task] = JSON.parse(serializeLabelStudio([document]).files[0].content) as Task[];
      const expected = checkDocument(document).spans.map((span) => `${span.annotation.id}:${span.annotation.type}:${span.annotation.text}`);
      const labels = task.annotations[0].result.flatMap((result) => {
        if (result.type !== 'labels') return [];
        expect(task.data.text.slice(result.value.start, result.value.end)).toBe(result.value.text);
        return [`${result.id}:${result.value.labels[0]}:${result.value.text}`];
      });
      expect(labels, `seed ${seed}`).toEqual(expected);
    }
  });

  it('writes an empty array for no documents', () => {
    expect(JSON.parse(serializeLabelStudio([]).files[0].content)).toEqual([]);
  });
});
