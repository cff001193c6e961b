import { describe, expect, it } from 'vitest';
import { resolveDimensions } from '../../../../shared/documentLabels/dimensions';
import { emptyDimensionRow, toDimensionInputs, toDimensionRows, withKind, withScaleBounds, type DimensionRow } from './dimensionRows';

const stance: DimensionRow = {
  ...emptyDimensionRow(1),
  id: 'stance',
  fa: 'موضع',
  en: 'Stance',
  values: [
    { id: 'pro', fa: 'موافق', en: 'For', guideline: 'Supports the actor', hotkey: 'Alt+Digit1' },
    { id: 'against', fa: 'مخالف', en: 'Against', guideline: '', hotkey: '' },
  ],
};

describe('the dimension editor’s rows (#21)', () => {
  it('writes each value’s labels, guideline and key; a value without a key gets one automatically', () => {
    const result = toDimensionInputs([stance]);
    expect(result).toEqual({
      dimensions: [
        {
          id: 'stance',
          kind: 'single',
          label: { fa: 'موضع', en: 'Stance' },
          values: [
            { id: 'pro', label: { fa: 'موافق', en: 'For' }, guideline: 'Supports the actor', hotkey: 'Alt+Digit1' },
            { id: 'against', label: { fa: 'مخالف', en: 'Against' } },
          ],
        },
      ],
    });
    if (!('dimensions' in result)) throw new Error('refused');
    expect(resolveDimensions(result.dimensions)[0].values.map((value) => value.hotkey)).toEqual(['Alt+Digit1', 'Alt+Digit2']);
  });

  it('reads back what it writes: labels, guidelines and keys survive a round trip through the tag set', () => {
    const result = toDimensionInputs([stance]);
    if (!('dimensions' in result)) throw new Error('refused');
    const [row] = toDimensionRows(resolveDimensions(result.dimensions));
    expect(row.values).toEqual([stance.values[0], { ...stance.values[1], hotkey: 'Alt+Digit2' }]);
  });

  it('refuses two values with the same key, across dimensions, naming both', () => {
    const topic: DimensionRow = { ...emptyDimensionRow(2), id: 'topic', kind: 'multi', values: [{ id: 'economy', fa: '', en: '', guideline: '', hotkey: 'Alt+Digit1' }] };
    expect(toDimensionInputs([stance, topic])).toEqual({ problem: { key: 'keyClash', chord: 'Alt+Digit1', first: 'stance: pro', second: 'topic: economy' } });
  });

  it('refuses a value id with spaces or twice, a choice without values, a dimension id twice', () => {
    expect(toDimensionInputs([{ ...stance, values: [{ ...stance.values[0], id: 'a b' }] }])).toEqual({ problem: { key: 'badValueId', id: 'stance' } });
    expect(toDimensionInputs([{ ...stance, values: [stance.values[1], stance.values[1]] }])).toEqual({ problem: { key: 'duplicateValue', id: 'stance', value: 'against' } });
    expect(toDimensionInputs([{ ...stance, values: [] }])).toEqual({ problem: { key: 'noValues', id: 'stance' } });
    expect(toDimensionInputs([stance, stance])).toEqual({ problem: { key: 'duplicateDimension', id: 'stance' } });
    expect(toDimensionInputs([{ ...stance, id: '' }])).toEqual({ problem: { key: 'badId' } });
  });

  it('a scale: min and max give its points, each keeping its labels and key when the bounds move', () => {
    let scale = withKind({ ...emptyDimensionRow(3), id: 'reliability', values: [] }, 'scale');
    expect(scale.values.map((value) => value.id)).toEqual(['1', '2', '3', '4', '5']);
    scale = { ...scale, values: scale.values.map((value) => (value.id === '2' ? { ...value, fa: 'کم', en: 'Low', hotkey: 'Alt+Shift+Digit2' } : value)) };
    scale = withScaleBounds(scale, '0', '3');
    expect(scale.values.map((value) => value.id)).toEqual(['0', '1', '2', '3']);
    expect(scale.values[2]).toEqual({ id: '2', fa: 'کم', en: 'Low', guideline: '', hotkey: 'Alt+Shift+Digit2' });
    const result = toDimensionInputs([scale]);
    if (!('dimensions' in result)) throw new Error('refused');
    expect(result.dimensions[0]).toMatchObject({ kind: 'scale', min: 0, max: 3, level: 'ordinal' });
    const resolved = resolveDimensions(result.dimensions)[0];
    expect(resolved.values.map((value) => [value.id, value.label.en])).toEqual([['0', '0'], ['1', '1'], ['2', 'Low'], ['3', '3']]);
  });

  it('refuses a scale whose bounds are not whole numbers, upside down, or too many points', () => {
    const scale = withKind({ ...emptyDimensionRow(3), id: 'reliability' }, 'scale');
    for (const [min, max] of [['1', '1.5'], ['5', '1'], ['1', '21'], ['', '5']]) {
      expect(toDimensionInputs([withScaleBounds(scale, min, max)])).toEqual({ problem: { key: 'badScale', id: 'reliability', points: 20 } });
    }
    // A typed bound that does not parse keeps the points it had until it does.
    expect(withScaleBounds(scale, 'x', '5').values).toHaveLength(5);
  });

  it('free text has no values; changing back to a choice keeps what was typed', () => {
    const text = withKind(stance, 'text');
    expect(toDimensionInputs([text])).toEqual({ dimensions: [{ id: 'stance', kind: 'text', label: { fa: 'موضع', en: 'Stance' } }] });
    expect(withKind(text, 'multi').values).toEqual(stance.values);
  });
});
