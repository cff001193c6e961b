import { createRequire } from 'node:module';
import type IconvLite from 'iconv-lite';

/**
 * iconv-lite, loaded the first time a legacy encoding (Windows-1256, ...) is asked about. A
 * static import made every start of the app, the command line and each export worker load it
 * through Node's CommonJS export scan, for UTF-8 articles that never need it (#25: about a
 * fifth of `hashiye --version`). `require` is synchronous, so the decoders stay synchronous and
 * decode exactly as before.
 */
type Iconv = typeof IconvLite;

const requireHere = createRequire(import.meta.url);
let loaded: Iconv | null = null;

export function iconvLite(): Iconv {
  loaded ??= requireHere('iconv-lite') as Iconv;
  return loaded;
}
