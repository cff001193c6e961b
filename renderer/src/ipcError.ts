import { decodeProblem, type UserProblem } from '../../shared/userProblem';

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

/** A rejection from window.api as a ProblemError: decoded from main's message, or `unexpected` with whatever it said. */
export function toProblemError(error: unknown): ProblemError {
  if (error instanceof ProblemError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ProblemError(decodeProblem(message) ?? { code: 'unexpected', detail: message.slice(0, 2000) }, { cause: error });
}

/** The problem of anything a store caught: a failed call's (already decoded), or an error of the window itself. */
export function problemOf(error: unknown): UserProblem {
  return toProblemError(error).problem;
}
