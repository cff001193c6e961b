import { TaggerResponseSchema, type TaggerRequest, type TaggerResponse } from '../../../shared/pretag/taggerProtocol';
import type { UserProblem } from '../../../shared/userProblem';
import { withUserProblem } from '../problems/userProblems';

/**
 * (#24) One request to a tagger over HTTP: a POST of `{"text", "language"}` (UTF-8 JSON) to the
 * configured URL and nothing else, with a timeout and the run's Cancel. Every failure is a
 * TaggerError with a coded problem the window words in the user's language.
 */
export class TaggerError extends Error {
  constructor(
    message: string,
    readonly problem: UserProblem,
  ) {
    super(message);
    this.name = 'TaggerError';
    withUserProblem(this, problem);
  }
}

/** The run was cancelled while a request was out. */
export class TaggerCancelledError extends Error {
  constructor() {
    super('Pre-annotation cancelled.');
    this.name = 'TaggerCancelledError';
  }
}

export const DEFAULT_TAGGER_TIMEOUT_MS = 60_000;

/** The errno code under fetch's "fetch failed" (undici puts the socket's error in `cause`). */
function errnoOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && !code.startsWith('UND_ERR_SOCKET')) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return 'unknown';
}

function networkError(url: string, error: unknown): TaggerError {
  const errno = errnoOf(error);
  if (errno === 'ECONNREFUSED') return new TaggerError(`The tagger at ${url} refused the connection (is it running?).`, { code: 'taggerRefused', url });
  return new TaggerError(`The tagger at ${url} cannot be reached (${errno}).`, { code: 'taggerUnreachable', url, errno });
}

async function post(url: string, body: string, timeoutMs: number, signal: AbortSignal | undefined): Promise<Response> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  try {
    return await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', accept: 'application/json' }, body, signal: combined, redirect: 'error' });
  } catch (error) {
    if (signal?.aborted) throw new TaggerCancelledError();
    if (timeout.aborted) throw new TaggerError(`The tagger at ${url} did not answer within ${Math.ceil(timeoutMs / 1000)} s.`, { code: 'taggerTimeout', url, seconds: Math.ceil(timeoutMs / 1000) });
    throw networkError(url, error);
  }
}

/**
 * Sends the text and returns the parsed answer. Redirects are refused: the answer must come
 * from the address the user configured (and confirmed), never from where it points on.
 */
export async function callTagger(url: string, request: TaggerRequest, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<TaggerResponse> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TAGGER_TIMEOUT_MS;
  const response = await post(url, JSON.stringify(request), timeoutMs, options.signal);
  let body: string;
  try {
    body = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw new TaggerCancelledError();
    if ((error as Error).name === 'TimeoutError') throw new TaggerError(`The tagger at ${url} did not finish its answer within ${Math.ceil(timeoutMs / 1000)} s.`, { code: 'taggerTimeout', url, seconds: Math.ceil(timeoutMs / 1000) });
    throw networkError(url, error);
  }
  if (!response.ok) throw new TaggerError(`The tagger at ${url} answered HTTP ${response.status}.`, { code: 'taggerHttpStatus', url, status: response.status });
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new TaggerError(`The tagger at ${url} answered with something that is not JSON.`, { code: 'taggerBadJson', url });
  }
  const parsed = TaggerResponseSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TaggerError(`The tagger at ${url} answered JSON without the expected shape (${issue.path.join('.') || 'top level'}: ${issue.message}).`, { code: 'taggerBadJson', url });
  }
  return parsed.data;
}
