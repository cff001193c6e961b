import v8 from 'node:v8';

/**
 * (#25) V8's inlining budget for an export's process: at most 230 bytes of bytecode inlined into
 * one optimized function (V8's default is 920). An export's hot functions (assignTokens,
 * tagDocument, checkDocument, readExportDocument, ...) are large and call large helpers: with the
 * default each optimizing compile of one of them took 100-270 ms of a helper thread, made again in
 * every isolate, while the calling thread and a worker already hold both cores. With the smaller
 * budget the compiles' total fell from about 3.0 s to 1.0 s (`--trace-opt`, `--workers 0`) and a
 * whole export ran fewer instructions (docs/performance.md, session 19, h12-export2). Flags change
 * only how code is compiled, never what it computes.
 */
export const EXPORT_V8_FLAGS = '--max-inlined-bytecode-size-cumulative=230';

let applied = false;

/**
 * Sets EXPORT_V8_FLAGS once, before the export's code loads: V8's flags belong to the process, so
 * the workers started after take them too. For the command line's export only, not the app.
 */
export function applyExportV8Flags(): void {
  if (applied) return;
  applied = true;
  v8.setFlagsFromString(EXPORT_V8_FLAGS);
}
