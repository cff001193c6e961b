import { ipcContract, type Channel } from '../../shared/ipc';
import { encodeProblem } from '../../shared/userProblem';
import { confineArticle } from '../services/corpus/corpusPaths';
import { problemOfError } from '../services/problems/userProblems';
import { confineArticleRefs } from './articleRefs';
import type { HandlerTable } from './handlerTypes';
import { IpcRefusedError } from './ipcRefusedError';

/** Who sent a call, as the host judged it (electron/ipc/senderCheck.ts; the e2e harness's own check). */
export interface SenderInfo {
  /** True when the call comes from the app's own window showing the app's own page. */
  trusted: boolean;
  description: string;
}

/** The corpus open in the window, against which every article id of a request is confined. */
export interface OpenedCorpus {
  readonly rootPath: string | null;
}

/**
 * The one entry point for every call from the window, the same for every channel: checks the
 * sender, validates the request against the contract (shared/ipc.ts), confines every article id
 * it names to the opened corpus (articleRefs.ts), runs the handler and validates its response.
 * A handler runs only for a request that passed all three. Whatever is thrown leaves as a coded
 * problem (shared/userProblem.ts encodeProblem), never as English text for the window to parse.
 */
export function createDispatcher(table: HandlerTable, corpus: OpenedCorpus) {
  return async function dispatch(channel: string, payload: unknown, sender: SenderInfo): Promise<unknown> {
    try {
      return await dispatchUncoded(table, corpus, channel, payload, sender);
    } catch (error) {
      throw withCodedMessage(error);
    }
  };
}

export type Dispatch = ReturnType<typeof createDispatcher>;

/**
 * The error with the coded problem appended to its message: it keeps its type and English words
 * (main's log, the tests). An error whose message cannot be replaced travels as a new Error
 * with it as the cause.
 */
function withCodedMessage(error: unknown): Error {
  const message = encodeProblem(problemOfError(error), error instanceof Error ? error.message : String(error));
  if (error instanceof Error) {
    try {
      error.message = message;
    } catch {
      // A read-only message (a getter, a frozen error): a new Error carries it below.
    }
    if (error.message === message) return error;
  }
  return new Error(message, { cause: error });
}

async function dispatchUncoded(table: HandlerTable, corpus: OpenedCorpus, channel: string, payload: unknown, sender: SenderInfo): Promise<unknown> {
  const shownChannel = channel.slice(0, 200);
  if (!sender.trusted) throw new IpcRefusedError(`Refused ${channel} from an untrusted sender (${sender.description}).`, { code: 'refusedSender', channel: shownChannel });
  if (!Object.hasOwn(ipcContract, channel)) throw new IpcRefusedError(`Unknown channel ${JSON.stringify(channel)}.`, { code: 'invalidRequest', channel: shownChannel, field: '' });
  const name = channel as Channel;
  const contract = ipcContract[name];
  const parsed = contract.request.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.path.join('.');
    throw new IpcRefusedError(`Invalid request for ${name}: ${field || 'request'}: ${issue.message}`, { code: 'invalidRequest', channel: name, field: field.slice(0, 400) });
  }
  const request = confineArticleRefs(contract.request, parsed.data, (id) => confineArticle(openedRoot(corpus, name), id));
  const handler = table[name] as (request: unknown) => Promise<unknown>;
  const response = await handler(request);
  return contract.response.parse(response);
}

function openedRoot(corpus: OpenedCorpus, channel: Channel): string {
  const root = corpus.rootPath;
  if (root === null) throw new IpcRefusedError(`Refused ${channel}: it names an article and no corpus is open.`, { code: 'noCorpus' });
  return root;
}
