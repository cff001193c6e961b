import { describe, expect, it } from 'vitest';
import { parseLabelStudio } from './labelstudio';

const options = { file: 'export.json', baseName: 'export' };
const text = '😀 سرلشکر باقری در دمشق';
const at = (part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length, text: part });

describe('parseLabelStudio', () => {
  it('imports the first annotation of each task with UTF-16 offsets, relations, choices and notes; reports the rest', () => {
    const tasks = [
      {
        id: 1,
        data: { text },
        annotations: [
          { id: 10, was_cancelled: true, result: [] },
          {
            id: 11,
            completed_by: 2,
            result: [
              { id: 'a', type: 'labels', from_name: 'label', to_name: 'text', value: { ...at('سرلشکر باقری'), labels: ['PER'] } },
              { id: 'b', type: 'labels', value: { ...at('دمشق'), labels: ['LOC'] } },
              { type: 'relation', from_id: 'a', to_id: 'b', direction: 'right', labels: ['visited'] },
              { id: 'c', type: 'choices', value: { choices: ['سیاسی'] } },
              { id: 'a', type: 'textarea', value: { text: ['رئیس ستاد'] } },
              { id: 'd', type: 'rating', value: { rating: 3 } },
            ],
          },
          { id: 12, completed_by: 3, result: [] },
        ],
        predictions: [{ result: [] }],
      },
    ];
    const result = parseLabelStudio(JSON.stringify(tasks, null, 2), options);
    const [article] = result.articles;
    expect(article.text).toBe(text);
    expect(article.spans).toEqual([
      { id: 'T1', type: 'PER', start: 2, end: 14, note: 'رئیس ستاد' },
      { id: 'T2', type: 'LOC', start: 18, end: 22 },
    ]);
    expect(article.relations).toEqual([{ id: 'R1', type: 'visited', from: 'T1', to: 'T2' }]);
    expect(article.labels).toEqual(['سیاسی']);
    expect(result.warnings).toEqual([]);
    expect(result.skipped.map((problem) => problem.reason)).toEqual([
      expect.stringContaining('was cancelled'),
      expect.stringContaining('is not the first'),
      expect.stringContaining('"rating" is not imported'),
      expect.stringContaining('prediction'),
    ]);
    expect(result.skipped.every((problem) => problem.line === 2)).toBe(true);
  });

  it('reads JSON-MIN, fixes offsets that only match as code points (and says so), reports a bad region', () => {
    const tasks = [{ text, id: 5, label: [{ start: 2, end: 14, text: 'سرلشکر باقری', labels: ['PER'] }, { start: 40, end: 44, text: 'x', labels: ['LOC'] }] }];
    const result = parseLabelStudio(JSON.stringify(tasks), options);
    expect(result.articles[0].spans).toEqual([{ id: 'T1', type: 'PER', start: 2, end: 14 }]);
    expect(result.warnings).toEqual([expect.objectContaining({ reason: expect.stringContaining('only when read as code points') })]);
    expect(result.skipped).toEqual([expect.objectContaining({ reason: expect.stringContaining('past the end') })]);
  });

  it('reports a file that is not JSON, and a task without text', () => {
    expect(parseLabelStudio('[{"data": ', options).skipped).toEqual([{ file: 'export.json', line: 0, reason: expect.stringContaining('not valid JSON'), why: { code: 'invalidJsonFile' } }]);
    const result = parseLabelStudio(JSON.stringify([{ id: 3, data: { image: 42 } }]), options);
    expect(result.articles).toEqual([]);
    expect(result.skipped[0].reason).toContain('no text');
  });
});
