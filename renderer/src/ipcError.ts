import { PROBLEM_MARKER } from '../../shared/ipcEventNames';
import type { UserProblem } from '../../shared/userProblem';

/**
 * A call to main that failed, with main's coded problem (shared/userProblem.ts): the window words it in
 * the user's language (i18n/problemMessages.ts). Made once, in the API layer (api.ts).
 */
export class ProblemError extends Error {
  constructor(
    readonly problem: UserProblem,
    options?: { cause: unknown },
  ) {
    super(`${problem.code}: ${JSON.stringify(problem)}`, options);
    this.name = 'ProblemError';
  }
}

type ProblemDecoder = (message: string) => UserProblem | null;

let decoder: Promise<ProblemDecoder> | null = null;

/**
 * (#25) The decoder checks main's problem against its zod schema; the window loads it, and so
 * zod and the contract's problem schemas, with the first message that carries a problem instead of at start.
 * If it cannot be loaded, every problem is `unexpected` (with main's words) and the next call tries again.
 */
function problemDecoder(): Promise<ProblemDecoder> {
  decoder ??= import('../../shared/userProblem').then(
    (module) => module.decodeProblem,
    () => {
      decoder = null;
      return () => null;
    },
  );
  return decoder;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function unexpected(message: string): UserProblem {
  return { code: 'unexpected', detail: message.slice(0, 2000) };
}

/** A rejection from window.api as a ProblemError: decoded from main's message, or `unexpected` with whatever it said. */
export async function toProblemError(error: unknown): Promise<ProblemError> {
  if (error instanceof ProblemError) return error;
  const message = messageOf(error);
  if (!message.includes(PROBLEM_MARKER)) return new ProblemError(unexpected(message), { cause: error });
  const decode = await problemDecoder();
  return new ProblemError(decode(message) ?? unexpected(message), { cause: error });
}

/** The problem of anything a store caught: a failed call's (decoded by the API layer), or `unexpected` for an error of the window itself. */
export function problemOf(error: unknown): UserProblem {
  return error instanceof ProblemError ? error.problem : unexpected(messageOf(error));
}
