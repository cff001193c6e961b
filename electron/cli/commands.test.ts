import { describe, expect, it } from 'vitest';
import { exportWorkersToPrestart } from './commands';

describe('exportWorkersToPrestart', () => {
  it('reads --workers in either spelling, else gives the default for the cores', () => {
    expect(exportWorkersToPrestart(['corpus', '--format', 'conll', '--out', 'x'], 2)).toBe(1);
    expect(exportWorkersToPrestart(['corpus', '--format', 'conll', '--out', 'x'], 8)).toBe(4);
    expect(exportWorkersToPrestart(['corpus', '--workers', '3', '-o', 'x'], 2)).toBe(3);
    expect(exportWorkersToPrestart(['corpus', '--workers=0', '-o', 'x'], 2)).toBe(0);
  });

  it('starts none for help, a list of articles, or a worker count the export will refuse', () => {
    expect(exportWorkersToPrestart(['--help'], 4)).toBe(0);
    expect(exportWorkersToPrestart(['corpus', '-h'], 4)).toBe(0);
    expect(exportWorkersToPrestart(['corpus', '--articles', 'a.txt', '-o', 'x'], 4)).toBe(0);
    expect(exportWorkersToPrestart(['corpus', '--workers', 'two'], 4)).toBe(0);
    expect(exportWorkersToPrestart(['corpus', '--workers', '-1'], 4)).toBe(0);
    expect(exportWorkersToPrestart(['corpus', '--workers'], 4)).toBe(0);
  });
});
