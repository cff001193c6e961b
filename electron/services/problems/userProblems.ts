/**
 * Turns what went wrong in main into the coded problem the window words in the user's language
 * (the catalogue is UserProblemSchema in shared/userProblem.ts). Services keep their English messages
 * (the CLI prints them, logs keep them) and attach the code where they know it better than the
 * error's type does: `withUserProblem(error, problem)`, or a `userProblem` field of their own.
 */
import path from 'node:path';
import { UserProblemSchema, type UserProblem } from '../../../shared/userProblem';
import type { CorpusFileRefusal } from '../corpus/corpusFileAccess';
import { INPUT_LIMITS, type InputLimits } from '../corpus/inputLimits';

/** Causes followed at most this deep (an error's `cause`, and that one's...). */
const CAUSE_DEPTH = 8;

/** An error that says, besides its English message, what the user should read. */
export type ErrorWithUserProblem = Error & { userProblem: UserProblem };

/** Attaches the coded problem to `error` (kept as it is otherwise) and gives it back, for `throw withUserProblem(...)`. */
export function withUserProblem<E extends Error>(error: E, problem: UserProblem): E & { userProblem: UserProblem } {
  return Object.assign(error, { userProblem: problem });
}

const REFUSAL_CODES: Record<CorpusFileRefusal, 'outsideCorpus' | 'danglingLink' | 'notRegularFile' | 'fileTooLarge' | 'beingWritten' | 'linkedFolder'> = {
  'outside-corpus': 'outsideCorpus',
  'dangling-link': 'danglingLink',
  'not-regular-file': 'notRegularFile',
  'too-large': 'fileTooLarge',
  'being-written': 'beingWritten',
  'linked-folder': 'linkedFolder',
};

/** The problem for a corpus file that was not read (corpusFileAccess.ts's refusal), named by its file name. */
export function refusalProblem(file: string, refusal: CorpusFileRefusal, foundBytes: number | null = null, limit: number | null = null): UserProblem {
  const code = REFUSAL_CODES[refusal];
  const name = path.basename(file);
  return code === 'fileTooLarge' ? { code, file: name, bytes: foundBytes, limit } : { code, file: name };
}

function ownProblem(error: Error): UserProblem | null {
  if (!('userProblem' in error)) return null;
  const parsed = UserProblemSchema.safeParse((error as { userProblem: unknown }).userProblem);
  return parsed.success ? parsed.data : null;
}

/** What a typed error of the services, or an errno from the disk, means for the user; null when neither says. */
function knownProblem(error: Error): UserProblem | null {
  const own = ownProblem(error);
  if (own) return own;
  const fields = error as Error & { code?: unknown; path?: unknown; file?: unknown; refusal?: unknown; foundBytes?: unknown; reason?: unknown };
  if (error.name === 'CorpusFileRefusedError' && typeof fields.file === 'string' && typeof fields.refusal === 'string' && fields.refusal in REFUSAL_CODES) {
    return refusalProblem(fields.file, fields.refusal as CorpusFileRefusal, typeof fields.foundBytes === 'number' ? fields.foundBytes : null);
  }
  if (error.name === 'ReadOnlyTargetError' && typeof fields.path === 'string') {
    const reason = UserProblemSchema.safeParse({ code: 'readOnly', file: path.basename(fields.path), reason: fields.reason });
    if (reason.success) return reason.data;
  }
  const file = typeof fields.path === 'string' ? path.basename(fields.path) : '';
  switch (fields.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return { code: 'diskFull', file };
    case 'EROFS':
      return { code: 'readOnly', file, reason: 'read-only-file-system' };
    case 'EACCES':
    case 'EPERM':
      return { code: 'readOnly', file, reason: 'permission' };
    case 'ENOENT':
      return { code: 'fileMissing', file };
  }
  if (typeof fields.code === 'string' && /^E[A-Z0-9]+$/.test(fields.code) && fields.code.length <= 40) return { code: 'writeFailed', file, errno: fields.code };
  return null;
}

/**
 * The coded problem of anything thrown in main: the error's own code, else the first cause that
 * has one (a save failure wraps the disk's errno), else `unexpected` with the English message.
 */
export function problemOfError(error: unknown): UserProblem {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < CAUSE_DEPTH; depth++) {
    const known = knownProblem(current);
    if (known) return known;
    current = (current as Error & { cause?: unknown }).cause;
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected', detail: detail.slice(0, 2000) };
}

/** The problem of a save holding more entries than an article may (inputLimits.ts saveRequestProblem's, coded); null when none. */
export function tooManyEntriesProblem(request: { annotations: readonly unknown[]; relations: readonly unknown[]; labels: readonly unknown[] }, limits: InputLimits = INPUT_LIMITS): UserProblem | null {
  for (const field of ['annotations', 'relations', 'labels'] as const) {
    if (request[field].length > limits.savedEntries) return { code: 'tooManyEntries', field, count: request[field].length, limit: limits.savedEntries };
  }
  return null;
}

/**
 * `error` with the file it is about named in its problem, when the disk's errno did not say
 * (a write's ENOSPC carries no path): "the disk is full (entities.json)" rather than a bare one.
 */
export function namingFile(error: unknown, file: string): unknown {
  if (!(error instanceof Error)) return error;
  const problem = problemOfError(error);
  if (!('file' in problem) || problem.file !== '') return error;
  const named = UserProblemSchema.safeParse({ ...problem, file: path.basename(file) });
  return named.success ? withUserProblem(error, named.data) : error;
}
