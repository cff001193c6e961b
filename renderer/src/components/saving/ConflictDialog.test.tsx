// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaveConflict } from '../../../../shared/saveWire';
import { corpusViewActions } from '../../store/corpusViewStore';
import { preferencesActions } from '../../store/preferencesStore';
import { saveStatusActions, useSaveStatusStore } from '../../store/saveStatusStore';
import { ConflictDialog } from './ConflictDialog';

const conflicts: SaveConflict[] = [
  {
    kind: 'annotation',
    key: 'a1',
    base: { id: 'a1', type: 'LOC', start: 0, end: 4, text: 'مشهد' },
    mine: { id: 'a1', type: 'PER', start: 0, end: 4, text: 'مشهد', note: 'یادداشت من', attributes: { confidence: 'high' } },
    disk: null,
  },
  { kind: 'status', key: 'status', base: 'in-progress', mine: 'done', disk: 'needs-review' },
];

function show(language: 'fa' | 'en'): void {
  preferencesActions.changeDisplay({ language });
  corpusViewActions.showCorpus({
    name: 'c',
    displayPath: '/c',
    mode: 'native',
    articles: [],
    tagSet: {
      source: 'default',
      problem: null,
      userProblems: [],
      types: [
        { id: 'PER', label: { fa: 'شخص', en: 'Person' }, color: '#c00', hotkey: 'Digit1', guideline: '', attributes: [] },
        { id: 'LOC', label: { fa: 'مکان', en: 'Location' }, color: '#0a0', hotkey: 'Digit3', guideline: '', attributes: [] },
      ],
    },
  });
  saveStatusActions.askAboutConflicts('a.txt', conflicts);
}

beforeEach(() => {
  document.body.innerHTML = '<button id="before">before</button>';
  document.getElementById('before')?.focus();
});

afterEach(() => {
  cleanup();
  saveStatusActions.dropConflictQuestion();
  corpusViewActions.showCorpus(null);
});

describe('the conflict question', () => {
  it('shows both versions of each item, in Persian, with «deleted» and status names', () => {
    show('fa');
    render(<ConflictDialog />);
    const dialog = screen.getByRole('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const items = screen.getAllByTestId('conflict-item');
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('[data-side="mine"]')?.textContent).toContain('شخص');
    expect(items[0].querySelector('[data-side="mine"]')?.textContent).toContain('یادداشت من');
    // Names and values are isolated (U+2068…U+2069) so that Latin reads whole in a Persian line.
    expect(items[0].querySelector('[data-side="mine"]')?.textContent).toContain('\u2068confidence\u2069=\u2068high\u2069');
    expect(items[0].querySelector('[data-side="disk"]')?.textContent).toContain('حذف‌شده');
    expect(items[1].textContent).toContain('وضعیت مقاله');
    expect(items[1].querySelector('[data-side="mine"]')?.textContent).toContain('انجام‌شده');
    expect(items[1].querySelector('[data-side="disk"]')?.textContent).toContain('نیازمند بازبینی');
    // Focus moved inside the dialog.
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('saves only once every item has a choice; one side for all chooses each', () => {
    show('en');
    render(<ConflictDialog />);
    const save = screen.getByRole('button', { name: 'Save these choices' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.click(screen.getAllByRole('radio', { name: /Keep mine/ })[0]);
    expect(save.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Keep theirs for all' }));
    expect(save.disabled).toBe(false);
    expect(screen.getAllByRole('radio', { name: /Keep theirs/ }).every((radio) => (radio as HTMLInputElement).checked)).toBe(true);
  });

  it('Escape keeps the question for later (unsaved) and gives focus back; keys do not reach the article', () => {
    show('en');
    let reachedWindow = 0;
    const onKey = () => reachedWindow++;
    window.addEventListener('keydown', onKey);
    render(<ConflictDialog />);
    const dialog = screen.getByRole('dialog');
    fireEvent.keyDown(dialog, { key: '1', code: 'Digit1' });
    expect(reachedWindow).toBe(0);
    act(() => {
      fireEvent.keyDown(dialog, { key: 'Escape', code: 'Escape' });
    });
    window.removeEventListener('keydown', onKey);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useSaveStatusStore.getState().conflictPrompt).toMatchObject({ open: false });
    expect(useSaveStatusStore.getState().saveState).toBe('conflict');
    expect(document.activeElement?.id).toBe('before');
  });
});
