import type { UserProblem } from '../../shared/ipc';

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
