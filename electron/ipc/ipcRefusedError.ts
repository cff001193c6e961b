import type { UserProblem } from '../../shared/userProblem';

/** A call refused by the dispatcher or a handler itself (untrusted sender, unknown channel, invalid request, unusable drop); `userProblem` is what the window shows. */
export class IpcRefusedError extends Error {
  constructor(
    message: string,
    readonly userProblem: UserProblem,
  ) {
    super(message);
    this.name = 'IpcRefusedError';
  }
}

type UnavailableAction = Extract<UserProblem, { code: 'unavailable' }>['action'];

/** Refuses what this host (a window without native dialogs, the e2e harness) cannot do. */
export function hostCannot(what: string, action: UnavailableAction): never {
  throw new IpcRefusedError(`This window cannot ${what}.`, { code: 'unavailable', action });
}
