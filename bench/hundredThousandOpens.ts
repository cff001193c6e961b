import os from 'node:os';
import path from 'node:path';

/**
 * Where the 100,000-annotation open tools (openTrace, openVariance, openLongFrames) find their
 * inputs and write what they record, and how many opens they make: the same corpus for all three,
 * so their figures can be read side by side.
 */
export const inputs = process.env.HASHIYE_BENCH_DIR ?? path.join(os.tmpdir(), 'hashiye-bench-inputs');
export const out = process.env.HASHIYE_TRACE_OUT ?? inputs;
export const folder = path.join(inputs, 'annotations-100k');
export const NAME = 'many-annotations.txt';
export const SHORT_NAME = 'a-short-article.txt';
export const OPENS = Number(process.env.HASHIYE_OPENS ?? 6);
