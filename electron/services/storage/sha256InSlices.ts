import { createHash } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Bytes hashed between two turns of the event loop. */
const SLICE_BYTES = 4 * 1024 * 1024;

/**
 * The SHA-256 of `bytes` (hex), as sha256Of gives it, hashed a few megabytes a turn (#17): the
 * 39 MB annotation file of 100,000 annotations held main for one task of about 100 ms.
 */
export async function sha256InSlices(bytes: Uint8Array, sliceBytes = SLICE_BYTES): Promise<string> {
  const hash = createHash('sha256');
  for (let start = 0; start < bytes.length; start += sliceBytes) {
    if (start > 0) await nextTurn();
    hash.update(bytes.subarray(start, Math.min(start + sliceBytes, bytes.length)));
  }
  return hash.digest('hex');
}
