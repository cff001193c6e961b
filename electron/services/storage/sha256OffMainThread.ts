import { webcrypto } from 'node:crypto';

/**
 * (#17) The SHA-256 of `bytes` (hex, as sha256Of gives it), computed on libuv's thread pool
 * (WebCrypto's digest runs there): started as soon as a file is read, it is ready by the time
 * the file is parsed, and main's thread spends on it only the copy WebCrypto takes of the
 * bytes. Opening 100,000 annotations hashed 39 MB on main, in the middle of the answer's critical path.
 * The bytes are copied when the call is made: changing them afterwards does not change the hash.
 */
export async function sha256OffMainThread(bytes: Uint8Array): Promise<string> {
  const digest = await webcrypto.subtle.digest('SHA-256', bytes);
  return Buffer.from(digest).toString('hex');
}

/**
 * sha256OffMainThread started now, for a hash that may never be asked for (the file is
 * refused, read again): a failure is kept for the one who awaits it, never left unhandled.
 */
export function startSha256OffMainThread(bytes: Uint8Array): () => Promise<string> {
  const hashing = sha256OffMainThread(bytes);
  hashing.catch(() => undefined);
  return () => hashing;
}
