import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatFinding, isSizeSource, measureProject, measureSource } from './sourceSize';

/**
 * Enforces the size rule of issue #18 (see sourceSize.ts): it fails naming file:line for each
 * non-React function over 60 lines and each source file over 400 lines.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function lines(count: number, line: string): string {
  return Array.from({ length: count }, () => line).join('\n');
}

describe('source size rule', () => {
  it('every production source keeps the rule', async () => {
    const findings = await measureProject(root);
    expect(findings.map(formatFinding)).toEqual([]);
  });

  it('fails a planted function over 60 lines, naming file and line', () => {
    const text = `export const a = 1;\n\nexport function tooLong(): number {\n  let n = 0;\n${lines(58, '  n += 1;')}\n  return n;\n}\n`;
    expect(measureSource('electron/services/probe.ts', text).map(formatFinding)).toEqual(['electron/services/probe.ts:3 function tooLong is 62 lines (at most 60)']);
  });

  it('accepts a function of exactly 60 lines', () => {
    const text = `export function justRight(): number {\n  let n = 0;\n${lines(56, '  n += 1;')}\n  return n;\n}\n`;
    expect(measureSource('shared/probe.ts', text)).toEqual([]);
  });

  it('measures methods, arrow functions and function expressions by the name they are given', () => {
    const body = lines(61, '    void 0;');
    const text = [
      `export class Probe {\n  method(): void {\n${body}\n  }\n}`,
      `export const arrow = (): void => {\n${body}\n};`,
      `export const handlers = { onSave: function (): void {\n${body}\n} };`,
    ].join('\n');
    const messages = measureSource('electron/probe.ts', text).map((finding) => finding.message);
    expect(messages).toEqual([
      'function method is 63 lines (at most 60)',
      'function arrow is 63 lines (at most 60)',
      'function onSave is 63 lines (at most 60)',
    ]);
  });

  it('fails a planted file over 400 lines', () => {
    const text = `${lines(401, 'export {};')}\n`;
    expect(measureSource('shared/probe.ts', text).map(formatFinding)).toEqual(['shared/probe.ts:1 file is 401 lines (at most 400)']);
  });

  it('leaves React components (.tsx, upper-case name) and hooks (use*) alone, but not the functions inside them', () => {
    const body = lines(61, '  void 0;');
    const component = `export function Panel(): null {\n${body}\n  return null;\n}\nexport const Memo = memo(() => {\n${body}\n  return null;\n});\n`;
    expect(measureSource('renderer/src/components/Panel.tsx', component)).toEqual([]);
    expect(measureSource('renderer/src/components/useThing.ts', `export function useThing(): void {\n${body}\n}\n`)).toEqual([]);
    // The same upper-case function in a .ts file, or a use* function outside renderer/, is not React.
    expect(measureSource('shared/Panel.ts', component)).toHaveLength(2);
    expect(measureSource('electron/useThing.ts', `export function useThing(): void {\n${body}\n}\n`)).toHaveLength(1);
    const callback = `export function Panel(): null {\n  const onKey = (): void => {\n${body}\n  };\n  void onKey;\n  return null;\n}\n`;
    expect(measureSource('renderer/src/components/Panel.tsx', callback).map((finding) => finding.message)).toEqual(['function onKey is 63 lines (at most 60)']);
  });

  it('leaves a table of strings made when first read alone, but not one with a step in it', () => {
    const entries = Array.from({ length: 62 }, (_, index) => `  key${index}: 'word ${index}',`).join('\n');
    expect(measureSource('renderer/src/i18n/probe.ts', `const en = () => ({\n${entries}\n}) as const;\n`)).toEqual([]);
    const withStep = `const en = () => ({\n${entries}\n  computed: String(1),\n});\n`;
    expect(measureSource('renderer/src/i18n/probe.ts', withStep).map((finding) => finding.message)).toEqual(['function en is 65 lines (at most 60)']);
  });

  it('lets a file opt out only with a size-exempt reason in its first 5 lines', () => {
    const long = `${lines(401, 'export {};')}\n`;
    expect(measureSource('shared/probe.ts', `// size-exempt: measured hot loop\n${long}`)).toEqual([]);
    expect(measureSource('shared/probe.ts', `// size-exempt:\n${long}`)).toHaveLength(1);
    expect(measureSource('shared/probe.ts', `${lines(5, '// filler')}\n// size-exempt: too late\n${long}`)).toHaveLength(1);
  });

  it('counts production sources only', () => {
    expect(isSizeSource('electron/services/storage/mergingSave.ts')).toBe(true);
    expect(isSizeSource('renderer/src/components/app/App.tsx')).toBe(true);
    expect(isSizeSource('electron/services/storage/mergingSave.test.ts')).toBe(false);
    expect(isSizeSource('renderer/src/components/app/App.test.tsx')).toBe(false);
    expect(isSizeSource('shared/tables.generated.ts')).toBe(false);
  });
});
