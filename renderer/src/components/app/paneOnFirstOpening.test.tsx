// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { paneOnFirstOpening, shownWhen } from './paneOnFirstOpening';

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

describe('shownWhen (#25 heap)', () => {
  it('never calls the part while hidden, and shows it in the same render once shown, re-rendering nothing else', () => {
    const useShown = create<{ shown: boolean }>()(() => ({ shown: false }));
    let partCalls = 0;
    function Part() {
      partCalls++;
      return <p>the part</p>;
    }
    const Gated = shownWhen(() => useShown((state) => state.shown), Part);
    let outerRenders = 0;
    function Outer() {
      outerRenders++;
      return <Gated />;
    }
    const { container } = render(<Outer />);
    expect(container.innerHTML).toBe('');
    expect(partCalls).toBe(0);

    act(() => useShown.setState({ shown: true }));
    // Synchronously: no chunk to wait for, so no frame without the part.
    expect(screen.getByText('the part')).toBeTruthy();
    expect(partCalls).toBeGreaterThan(0);
    expect(outerRenders).toBe(1);

    act(() => useShown.setState({ shown: false }));
    expect(container.innerHTML).toBe('');
    const callsWhenHidden = partCalls;
    act(() => useShown.setState({ shown: false }));
    expect(partCalls).toBe(callsWhenHidden);
  });
});
