import path from 'node:path';
import type { UserProblem } from '../../../shared/userProblem';
import { checkWritableTarget, readOnlyExplanation, ReadOnlyTargetError } from './atomicWrite';
import { problemOfError } from '../problems/userProblems';

/**
 * Whether an annotation file may be written, asked before the article opens, so that a file the
 * user cannot write opens read-only with the reason instead of failing on the first edit. Saves
 * write a temporary file in the folder and rename it over the file, so the folder must be
 * writable too (and a rename would replace even a 0444 file: its own mode is checked here).
 * The mode bits are read explicitly as well as asking the kernel, because root passes every
 * access check: a file made read-only on purpose stays read-only for root too.
 */
export async function writeAccessProblem(file: string): Promise<string | null> {
  return (await writeAccessRefusal(file))?.message ?? null;
}

/** Why a file may not be written: the message, and the problem coded for the window. */
export interface WriteRefusal {
  message: string;
  userProblem: UserProblem;
}

/** writeAccessProblem's answer with the problem coded for the window (shared/userProblem.ts UserProblem). */
export async function writeAccessRefusal(file: string): Promise<WriteRefusal | null> {
  const name = path.basename(file);
  try {
    // The atomic writer's own check, so that what opens read-only is exactly what a save would refuse.
    await checkWritableTarget(file);
    return null;
  } catch (error) {
    if (error instanceof ReadOnlyTargetError) {
      return {
        message: `${name} is read-only (${readOnlyExplanation(error.reason)}); Hashiye leaves it as it is. Change its permissions to edit it.`,
        userProblem: { code: 'readOnly', file: name, reason: error.reason },
      };
    }
    return { message: `${name} cannot be examined (${(error as Error).message}); Hashiye leaves it as it is.`, userProblem: problemOfError(error) };
  }
}

/** Whether a failed write failed for want of permission (errno codes, or the atomic writer's typed refusal), anywhere in its causes. */
export function isPermissionFailure(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = (current as Error & { cause?: unknown }).cause, depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || current.name === 'ReadOnlyTargetError' || current.name === 'ReadOnlyAnnotationFileError') return true;
  }
  return false;
}
