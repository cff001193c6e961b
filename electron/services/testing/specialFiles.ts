import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:net';

/**
 * Special files for confinement tests, made for real: a FIFO with `mkfifo`, a character device
 * with `mknod` (root only), a listening Unix socket. Each returns why it cannot be made here
 * (to skip a test with that reason) instead of throwing.
 */
export function makeFifo(file: string): string | null {
  try {
    execFileSync('mkfifo', [file], { stdio: 'ignore' });
    return null;
  } catch (error) {
    return `mkfifo is not available here (${(error as Error).message})`;
  }
}

/** `/dev/null`'s numbers (1, 3): a device whose reads end at once, safe if a reader did open it. */
export function makeCharacterDevice(file: string): string | null {
  if (process.getuid?.() !== 0) return 'making a device node needs root';
  try {
    execFileSync('mknod', [file, 'c', '1', '3'], { stdio: 'ignore' });
    return null;
  } catch (error) {
    return `mknod failed here (${(error as Error).message})`;
  }
}

export async function makeSocket(file: string): Promise<{ server: Server | null; skip: string | null }> {
  if (process.platform === 'win32') return { server: null, skip: 'Unix sockets are not files on Windows' };
  const server = createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(file, () => resolve());
    });
    return { server, skip: null };
  } catch (error) {
    return { server: null, skip: `cannot listen on a Unix socket here (${(error as Error).message})` };
  }
}
