import { CORPUS_LISTING_PLACES, unpackCorpusListing } from '../../shared/articleListWire';
import type { Api, ResponseOf } from '../../shared/ipc';
import { eventMethodName, eventNames } from '../../shared/ipcEventNames';
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

/** (#25) Events whose payload holds a corpus listing, by their `on...` method: main sends its articles in columns. */
const LISTING_EVENTS = new Map(eventNames.filter((event) => CORPUS_LISTING_PLACES[event] !== undefined).map((event) => [eventMethodName(event), event]));

type Subscribe = (listener: (payload: unknown) => void) => () => void;

/**
 * `window.api` with every rejection turned into a ProblemError (main's coded problem, decoded
 * from the message Electron carries), so that no store or component ever reads error text, and
 * (#25) every corpus listing unpacked from the columns main sends it in (shared/articleListWire.ts).
 */
function withDecodedErrors(raw: Api): Api {
  const wrapped: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(raw as unknown as Record<string, unknown>)) {
    const listingEvent = LISTING_EVENTS.get(key);
    if (listingEvent !== undefined && typeof member === 'function') {
      wrapped[key] = (listener: (payload: unknown) => void) => (member as Subscribe)((payload) => listener(unpackCorpusListing(listingEvent, payload)));
      continue;
    }
    if (typeof member !== 'object' || member === null) {
      wrapped[key] = member;
      continue;
    }
    const group: Record<string, unknown> = {};
    for (const [verb, call] of Object.entries(member as Record<string, unknown>)) {
      const channel = `${key}.${verb}`;
      group[verb] =
        typeof call === 'function'
          ? (request: unknown) =>
              (call as (request: unknown) => Promise<unknown>)(request).then(
                (answer) => unpackCorpusListing(channel, answer),
                async (error: unknown) => {
                  throw await toProblemError(error);
                },
              )
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

/** The preload's drop target, its corpus listing unpacked (#25) and its failures decoded, as api() gives them. */
export async function openDroppedPath(file: File): Promise<ResponseOf<'corpus.openDropped'>> {
  const packed = await window.dropTarget.open(file).catch(async (error: unknown) => {
    throw await toProblemError(error);
  });
  return unpackCorpusListing('corpus.openDropped', packed) as ResponseOf<'corpus.openDropped'>;
}
