// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { paneOnFirstOpening } from './paneOnFirstOpening';

afterEach(cleanup);

describe('paneOnFirstOpening (#25 heap)', () => {
  it('loads nothing while closed, then loads once and shows the pane while it is open', async () => {
    const useOpen = create<{ open: boolean }>()(() => ({ open: false }));
    let loads = 0;
    let paneRenders = 0;
    const Pane = paneOnFirstOpening(
      () => useOpen((state) => state.open),
      async () => {
        loads++;
        return function Loaded() {
          paneRenders++;
          return <p>the pane</p>;
        };
      },
    );
    let outerRenders = 0;
    function Outer() {
      outerRenders++;
      return <Pane />;
    }
    const { container } = render(<Outer />);
    expect(container.innerHTML).toBe('');
    expect(loads).toBe(0);

    await act(async () => useOpen.setState({ open: true }));
    expect(await screen.findByText('the pane')).toBeTruthy();
    expect(loads).toBe(1);
    // Opening re-rendered the wrapper alone.
    expect(outerRenders).toBe(1);

    await act(async () => useOpen.setState({ open: false }));
    expect(container.innerHTML).toBe('');
    const rendersBefore = paneRenders;
    await act(async () => useOpen.setState({ open: true }));
    // Opened again: shown at once, from the loaded code.
    expect(screen.getByText('the pane')).toBeTruthy();
    expect(paneRenders).toBeGreaterThan(rendersBefore);
    expect(loads).toBe(1);
  });
});
