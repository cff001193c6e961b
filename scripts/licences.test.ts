import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BundledLicence } from '../shared/desktopWire';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('the bundled licences (build/licences.mjs)', () => {
  it('lists the production dependencies, theirs, and Electron, each with its licence, and no development tool', async () => {
    const { collectLicences } = (await import(pathToFileURL(path.join(root, 'build', 'licences.mjs')).href)) as { collectLicences(root: string): Promise<BundledLicence[]> };
    const licences = await collectLicences(root);
    const names = licences.map((entry) => entry.name);
    for (const name of ['zod', 'iconv-lite', 'safer-buffer', 'jschardet', 'diff-match-patch', 'electron-log', 'electron']) expect(names, name).toContain(name);
    for (const name of ['vitest', 'typescript', 'electron-builder', 'react', 'marked']) expect(names, name).not.toContain(name);
    const zod = licences.find((entry) => entry.name === 'zod');
    expect(zod?.licence).toBe('MIT');
    expect(zod?.text).toMatch(/Permission is hereby granted/);
    expect(licences.filter((entry) => entry.licence === 'UNKNOWN')).toEqual([]);
  });
});

describe('the licences of the packages bundled into a build', () => {
  it('finds the package of a module by its path, scoped or not, and skips the project’s own code', async () => {
    const { packageFolderOfModule } = (await import(pathToFileURL(path.join(root, 'build', 'licences.mjs')).href)) as { packageFolderOfModule(id: string): string | null };
    const modules = path.join(root, 'node_modules');
    expect(packageFolderOfModule(path.join(modules, 'react', 'cjs', 'react.production.js'))).toBe(path.join(modules, 'react'));
    expect(packageFolderOfModule(`${path.join(modules, '@fontsource', 'vazirmatn', 'index.css')}?used`)).toBe(path.join(modules, '@fontsource', 'vazirmatn'));
    expect(packageFolderOfModule(path.join(root, 'renderer', 'src', 'main.tsx'))).toBeNull();
  });
});
