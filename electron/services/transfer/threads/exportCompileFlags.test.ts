import { spawnSync } from 'node:child_process';
import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXPORT_V8_FLAGS } from './exportCompileFlags';

describe('applyExportV8Flags', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('sets the export flags once per process', async () => {
    const setFlags = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => undefined);
    const { applyExportV8Flags } = await import('./exportCompileFlags');
    applyExportV8Flags();
    applyExportV8Flags();
    expect(setFlags).toHaveBeenCalledTimes(1);
    expect(setFlags).toHaveBeenCalledWith(EXPORT_V8_FLAGS);
  });

  it('names flags this Node knows (an unknown one would be ignored without a word by setFlagsFromString)', () => {
    const run = spawnSync(process.execPath, [...EXPORT_V8_FLAGS.split(' '), '-e', '0'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});
