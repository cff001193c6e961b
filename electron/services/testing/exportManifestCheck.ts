import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { EXPORT_MANIFEST_FILE, EXPORT_REPORT_FILE, type ExportManifest } from '../transfer/exportReport';

/** Every file of an export folder (relative paths, sorted). */
export async function listTree(folder: string, relative = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await fs.readdir(path.join(folder, relative), { withFileTypes: true })) {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) found.push(...(await listTree(folder, child)));
    else found.push(child);
  }
  return found.sort();
}

/**
 * Checks an export folder file by file against its manifest (every listed file present with its
 * SHA-256 and size) and that nothing else is in it besides the report and the manifest.
 * `extra`: files that are allowed besides (the user's own).
 */
export async function expectIntactExport(folder: string, extra: readonly string[] = []): Promise<ExportManifest> {
  const manifest = JSON.parse(await fs.readFile(path.join(folder, EXPORT_MANIFEST_FILE), 'utf8')) as ExportManifest;
  expect(manifest.tool).toBe('hashiye');
  for (const file of manifest.files) {
    const bytes = await fs.readFile(path.join(folder, file.path));
    expect({ path: file.path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length }).toEqual({ path: file.path, sha256: file.sha256, bytes: file.bytes });
  }
  expect(await listTree(folder)).toEqual([...manifest.files.map((file) => file.path), EXPORT_REPORT_FILE, EXPORT_MANIFEST_FILE, ...extra].sort());
  return manifest;
}

