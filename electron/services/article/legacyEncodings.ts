import { createRequire } from 'node:module';
import type IconvLite from 'iconv-lite';
import type Jschardet from 'jschardet';

/**
 * The legacy-encoding libraries, loaded the first time an article that is not UTF-8 (or a
 * legacy encoding by name) asks for them. Imported statically, every start of the app, of the
 * command line and of each export worker loaded them (#25: iconv-lite through Node's CommonJS
 * export scan, jschardet's 1.4 MB of modules parsed; together about a fifth of `hashiye
 * --version`) for UTF-8 articles that never need them. `require` is synchronous, so the decoders
 * stay synchronous and decode exactly as before; jschardet's CommonJS build is the same code as
 * its module build (the detection tests run through this one).
 */
type Iconv = typeof IconvLite;
type Detector = typeof Jschardet;

const requireHere = createRequire(import.meta.url);
let iconv: Iconv | null = null;
let detector: Detector | null = null;

export function iconvLite(): Iconv {
  iconv ??= requireHere('iconv-lite') as Iconv;
  return iconv;
}

/** jschardet's default export, as `import jschardet from 'jschardet'` gives it. */
export function encodingDetector(): Detector {
  detector ??= (requireHere('jschardet') as { default: Detector }).default;
  return detector;
}
