/**
 * A table in both UI languages, each made the first time it is read (#25 heap). The tables are
 * written as functions, so a language nobody shows stays source text: V8 compiles a function,
 * and makes the strings of its literals, only when it is first called. The window shows one
 * language; the other's tables (about 50 KB of objects and strings) are made on a switch, at
 * once and in the same render, so nothing is loaded or waited for. (The keys are UiLanguage's,
 * written out: messages.ts, which defines it, uses this.)
 */
export function lazyLanguages<Table>(en: () => Table, fa: () => Table): { readonly en: Table; readonly fa: Table } {
  let english: Table | undefined;
  let persian: Table | undefined;
  return {
    get en(): Table {
      return (english ??= en());
    },
    get fa(): Table {
      return (persian ??= fa());
    },
  };
}
