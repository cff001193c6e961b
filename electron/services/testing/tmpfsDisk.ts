import { execFileSync } from 'node:child_process';

/**
 * A real small disk for full-disk tests: a tmpfs of `sizeBytes` mounted at `folder` (root only;
 * CI runs as root). Returns why it cannot be mounted here, for the test to skip with that reason.
 */
export function mountTmpfs(folder: string, sizeBytes: number): string | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not running as root (mounting a tmpfs needs root; CI runs as root)';
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0755`, 'tmpfs', folder], { stdio: 'pipe' });
    return null;
  } catch (error) {
    return `mount -t tmpfs failed: ${((error as { stderr?: Buffer }).stderr ?? '').toString().trim() || (error as Error).message}`;
  }
}

export function unmountTmpfs(folder: string): void {
  execFileSync('umount', [folder], { stdio: 'pipe' });
}
