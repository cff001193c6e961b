import type { Api, ResponseOf } from '../../shared/ipc';

/** The preload's handler for files dropped onto the window: it resolves their OS path itself. */
export interface DropTarget {
  open(file: File): Promise<ResponseOf<'corpus.openDropped'>>;
}

declare global {
  interface Window {
    api: Api;
    dropTarget: DropTarget;
  }
}

/** The typed bridge to the main process, built by the preload from shared/ipc.ts. */
export function api(): Api {
  return window.api;
}
