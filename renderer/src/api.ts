import type { Api } from '../../shared/ipc';

declare global {
  interface Window {
    api: Api;
  }
}

/** The typed bridge to the main process, built by the preload from shared/ipc.ts. */
export function api(): Api {
  return window.api;
}
