// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_ROWS, MORE_ROWS, rowsToDraw, useGrowingRows } from './growingRows';

describe('rows drawn as the list is scrolled (#25 heap)', () => {
  it('draws the first rows, more near the end, the current row and never past the list', () => {
    expect(rowsToDraw({ drawn: 0, total: 200, required: null, nearEnd: false })).toBe(FIRST_ROWS);
    expect(rowsToDraw({ drawn: FIRST_ROWS, total: 200, required: null, nearEnd: true })).toBe(FIRST_ROWS + MORE_ROWS);
    expect(rowsToDraw({ drawn: FIRST_ROWS, total: 200, required: 100, nearEnd: false })).toBe(101 + MORE_ROWS);
    expect(rowsToDraw({ drawn: FIRST_ROWS, total: 12, required: null, nearEnd: true })).toBe(12);
    expect(rowsToDraw({ drawn: 190, total: 200, required: 199, nearEnd: true })).toBe(200);
  });
});

/** A scroller of rows 20 px high in a view 100 px high, scrolled to `scrollTop` (jsdom lays nothing out). */
function setGeometry(element: HTMLElement, scrollTop: number) {
  Object.defineProperty(element, 'clientHeight', { configurable: true, value: 100 });
  Object.defineProperty(element, 'scrollHeight', { configurable: true, get: () => element.querySelectorAll('li').length * 20 });
  element.scrollTop = scrollTop;
}

function List({ total, current, listKey }: { total: number; current: number | null; listKey: string }) {
  const ref = useRef<HTMLElement>(null);
  const drawn = useGrowingRows(ref, total, current, listKey);
  return (
    <section ref={ref} data-testid="scroller">
      <ul>
        {Array.from({ length: drawn }, (_, index) => (
          <li key={index}>{index}</li>
        ))}
      </ul>
    </section>
  );
}

describe('useGrowingRows', () => {
  afterEach(cleanup);

  it('adds rows when the scroller nears the end, keeps them, and starts over for another list', () => {
    const view = render(<List total={200} current={null} listKey="a" />);
    const rows = () => view.container.querySelectorAll('li').length;
    expect(rows()).toBe(FIRST_ROWS);
    const scroller = view.getByTestId('scroller');
    // Far from the end: nothing more.
    setGeometry(scroller, 0);
    act(() => void scroller.dispatchEvent(new Event('scroll')));
    expect(rows()).toBe(FIRST_ROWS);
    // Within a view of the end: more rows.
    setGeometry(scroller, FIRST_ROWS * 20 - 150);
    act(() => void scroller.dispatchEvent(new Event('scroll')));
    expect(rows()).toBe(FIRST_ROWS + MORE_ROWS);
    // A current row far down is drawn, and stays drawn when no row is current.
    view.rerender(<List total={200} current={150} listKey="a" />);
    expect(rows()).toBe(151 + MORE_ROWS);
    view.rerender(<List total={200} current={null} listKey="a" />);
    expect(rows()).toBe(151 + MORE_ROWS);
    // Another article's list starts from the top.
    setGeometry(scroller, 0);
    view.rerender(<List total={200} current={null} listKey="b" />);
    expect(rows()).toBe(FIRST_ROWS);
  });
});
