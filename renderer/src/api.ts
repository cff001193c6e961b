import type { Api, ResponseOf } from '../../shared/ipc';
import { toProblemError } from './ipcError';

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

let decoded: { raw: Api; api: Api } | null = null;

/**
 * `window.api` with every rejection turned into a ProblemError (main's coded problem, decoded
 * from the message Electron carries), so that no store or component ever reads error text.
 */
function withDecodedErrors(raw: Api): Api {
  const wrapped: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(raw as unknown as Record<string, unknown>)) {
    if (typeof member !== 'object' || member === null) {
      wrapped[key] = member;
      continue;
    }
    const group: Record<string, unknown> = {};
    for (const [verb, call] of Object.entries(member as Record<string, unknown>)) {
      group[verb] =
        typeof call === 'function'
          ? (request: unknown) =>
              (call as (request: unknown) => Promise<unknown>)(request).catch((error: unknown) => {
                throw toProblemError(error);
              })
          : call;
    }
    wrapped[key] = Object.freeze(group);
  }
  return Object.freeze(wrapped) as unknown as Api;
}

/** The typed bridge to the main process, built by the preload from shared/ipc.ts; failures reject with a ProblemError. */
export function api(): Api {
  if (decoded === null || decoded.raw !== window.api) decoded = { raw: window.api, api: withDecodedErrors(window.api) };
  return decoded.api;
}
