/**
 * The names of the events main sends the window, and the `window.api` method each is heard
 * through. Apart from shared/ipc.ts (which checks that its event schemas match this list) so
 * that the window can build its API without the contract's zod schemas: the window never
 * validates an event, and building the schemas held about a quarter of a megabyte of its heap
 * (#25). Likewise the marker a failed call's problem travels behind (userProblem.ts encodes and
 * decodes it): the window loads the decoder, and zod, only for a message that carries one.
 */
export const eventNames = [
  'corpus.changed',
  'corpus.listChanged',
  'article.changedOnDisk',
  'annotations.changedOnDisk',
  'menu.command',
  'export.progress',
  'import.progress',
  'entities.progress',
  'corpus.switchRequested',
  'corpus.articleRequested',
  'corpus.openRefused',
  'pretag.progress',
] as const;

export type EventChannel = (typeof eventNames)[number];

/** The `window.api` method of an event: `corpus.listChanged` → `onCorpusListChanged`. */
export function eventMethodName(event: string): string {
  const [namespace, verb] = event.split('.');
  const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);
  return `on${capital(namespace)}${capital(verb)}`;
}

/**
 * Electron carries only an error's message across IPC: a problem thrown by a handler travels at
 * the end of it behind this marker (userProblem.ts `encodeProblem`, `decodeProblem`).
 */
export const PROBLEM_MARKER = 'hashiye-problem:';
