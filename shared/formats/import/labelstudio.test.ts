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
    // A bad region refuses its task whole (#22): no text comes in without one of its labels.
    const result = parseLabelStudio(JSON.stringify(tasks), options);
    expect(result.articles).toEqual([]);
    expect(result.skipped).toEqual([
      expect.objectContaining({ line: 1, reason: expect.stringContaining('past the end'), why: { code: 'offsetPastEnd', end: 44, length: 23, where: 'label[1]' } }),
      expect.objectContaining({ line: 1, why: { code: 'recordRefused' } }),
    ]);
    const good = parseLabelStudio(JSON.stringify([{ ...tasks[0], label: [tasks[0].label[0]] }]), options);
    expect(good.articles[0].spans).toEqual([{ id: 'T1', type: 'PER', start: 2, end: 14 }]);
    expect(good.warnings).toEqual([expect.objectContaining({ reason: expect.stringContaining('only when read as code points') })]);
  });

  it('refuses a task whose result is not a list, or whose region labels are not names', () => {
    const notList = parseLabelStudio(JSON.stringify([{ data: { text }, annotations: [{ id: 1, result: 'PER' }] }]), options);
    expect(notList.articles).toEqual([]);
    expect(notList.skipped.map((problem) => problem.why)).toEqual([{ code: 'lsResultsNotList' }, { code: 'recordRefused' }]);
    const badLabel = parseLabelStudio(JSON.stringify([{ text, label: [{ start: 2, end: 14, text: 'سرلشکر باقری', labels: ['PER', 7] }] }]), options);
    expect(badLabel.articles).toEqual([]);
    expect(badLabel.skipped[0].why).toEqual({ code: 'lsRegionNoLabel', where: 'label[0]' });
  });

  it('reports a file that is not JSON, and a task without text', () => {
    expect(parseLabelStudio('[{"data": ', options).skipped).toEqual([{ file: 'export.json', line: 0, reason: expect.stringContaining('not valid JSON'), why: { code: 'invalidJsonFile' } }]);
    const result = parseLabelStudio(JSON.stringify([{ id: 3, data: { image: 42 } }]), options);
    expect(result.articles).toEqual([]);
    expect(result.skipped[0].reason).toContain('no text');
  });
});
