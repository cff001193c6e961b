import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Copies a folder for a test that writes into it, making every copy writable by its owner: the
 * shared test data is read-only (0444), fs.cp keeps modes, and a save never replaces a file
 * without write permission, not even as root.
 */
export async function copyWritable(source: string, target: string): Promise<void> {
  await fs.cp(source, target, { recursive: true });
  const walk = async (folder: string): Promise<void> => {
    await fs.chmod(folder, 0o755);
    for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
      const child = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) await fs.chmod(child, 0o644);
    }
  };
  await walk(target);
}
