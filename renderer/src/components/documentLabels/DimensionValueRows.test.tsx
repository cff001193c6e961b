// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { preferencesActions } from '../../store/preferencesStore';
import { DimensionValueRows } from './DimensionValueRows';
import type { ValueRow } from './dimensionRows';

afterEach(cleanup);

const values: ValueRow[] = [{ id: 'pro', fa: 'موافق', en: 'For', guideline: '', hotkey: '' }];

describe('the dimension editor’s value rows (#21)', () => {
  it('takes a key from the press by its code (Alt+Digit), refuses Shift+Digit with a reason, and Delete gives it back', () => {
    preferencesActions.changeDisplay({ language: 'en' });
    const onChange = vi.fn();
    const { rerender } = render(<DimensionValueRows values={values} scale={false} onChange={onChange} />);
    const key = screen.getByRole('textbox', { name: 'Key' });
    expect(key).toHaveProperty('value', 'automatic');
    // A Persian layout types «۳» on that key; the code is what counts.
    fireEvent.keyDown(key, { key: '۳', code: 'Digit3', altKey: true });
    expect(onChange).toHaveBeenLastCalledWith([{ ...values[0], hotkey: 'Alt+Digit3' }]);
    fireEvent.keyDown(key, { key: '!', code: 'Digit1', shiftKey: true });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toMatch(/Alt with a digit/);
    rerender(<DimensionValueRows values={[{ ...values[0], hotkey: 'Alt+Shift+Digit2' }]} scale={false} onChange={onChange} />);
    expect(screen.getByRole('textbox', { name: 'Key' })).toHaveProperty('value', 'Alt+Shift+2');
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Key' }), { key: 'Delete', code: 'Delete' });
    expect(onChange).toHaveBeenLastCalledWith([{ ...values[0], hotkey: '' }]);
  });

  it('edits labels and guideline per value; adds and removes values (a scale’s points are fixed)', () => {
    preferencesActions.changeDisplay({ language: 'fa' });
    const onChange = vi.fn();
    const { rerender } = render(<DimensionValueRows values={values} scale={false} onChange={onChange} />);
    fireEvent.change(screen.getByRole('textbox', { name: 'برچسب انگلیسی' }), { target: { value: 'In favour' } });
    expect(onChange).toHaveBeenLastCalledWith([{ ...values[0], en: 'In favour' }]);
    fireEvent.change(screen.getByRole('textbox', { name: 'راهنما' }), { target: { value: 'حمایت آشکار' } });
    expect(onChange).toHaveBeenLastCalledWith([{ ...values[0], guideline: 'حمایت آشکار' }]);
    fireEvent.click(screen.getByRole('button', { name: 'افزودن گزینه' }));
    expect(onChange).toHaveBeenLastCalledWith([values[0], { id: '', fa: '', en: '', guideline: '', hotkey: '' }]);
    fireEvent.click(screen.getByRole('button', { name: /حذف گزینهٔ .?pro/ }));
    expect(onChange).toHaveBeenLastCalledWith([]);
    rerender(<DimensionValueRows values={[{ ...values[0], id: '3', hotkey: 'Alt+Digit4' }]} scale onChange={onChange} />);
    expect(screen.queryByRole('button', { name: 'افزودن گزینه' })).toBeNull();
    // The point and its key in Persian digits.
    expect(screen.getByTestId('dimension-value').textContent).toContain('۳');
    expect(screen.getByRole('textbox', { name: 'کلید' })).toHaveProperty('value', 'Alt+۴');
  });
});
