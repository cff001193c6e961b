import { describe, expect, it } from 'vitest';
import { exportWorkersToPrestart } from './commands';
import { parseWorkerCount } from './exportCommand';
import { UsageError } from './cliIo';

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
    // More than four per core: refused by the export's parse, so none is started for it.
    expect(exportWorkersToPrestart(['corpus', '--workers', '9'], 2)).toBe(0);
    expect(exportWorkersToPrestart(['corpus', '--workers', '8'], 2)).toBe(8);
    expect(exportWorkersToPrestart(['corpus', '--workers', '1000000'], 64)).toBe(0);
  });
});

describe('parseWorkerCount', () => {
  it('takes 0 to four per core, at least 4', () => {
    expect(parseWorkerCount('0', 2)).toBe(0);
    expect(parseWorkerCount('8', 2)).toBe(8);
    expect(parseWorkerCount('4', 1)).toBe(4);
    expect(parseWorkerCount('64', 16)).toBe(64);
  });

  it('refuses anything else with the range in English and in Persian digits', () => {
    for (const value of ['9', '1000000', '-1', '1.5', 'two', '', 'Infinity']) expect(() => parseWorkerCount(value, 2), value).toThrow(UsageError);
    expect(() => parseWorkerCount('9', 2)).toThrow('--workers must be a whole number from 0 to 8 (four per core on this machine\'s 2; got "9").');
    expect(() => parseWorkerCount('9', 2)).toThrow('--workers باید عددی صحیح از ۰ تا ۸ باشد (چهار برای هر هستهٔ پردازنده، این دستگاه ۲ هسته دارد؛ دادهٔ «۹»).');
    expect(() => parseWorkerCount('5', 1)).toThrow('from 0 to 4');
  });
});
