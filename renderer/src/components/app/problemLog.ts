import type { UserProblem } from '../../../../shared/userProblem';
import { api } from '../../api';

/** Problems already logged in this window, so that a problem shown again on each render is logged once. */
const logged = new Set<string>();
const REMEMBERED = 200;

/**
 * Sends a problem the window shows to main's log (help.log, #23): its code and its parameters
 * (file names, reasons, counts), which is what shared/userProblem.ts allows a problem to carry,
 * never article text. A failure to log is not the user's concern and is dropped.
 */
export function logShownProblem(problem: UserProblem): void {
  const params: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(problem)) {
    if (key !== 'code' && (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')) params[key] = value;
  }
  const key = JSON.stringify([problem.code, params]);
  if (logged.has(key)) return;
  if (logged.size >= REMEMBERED) logged.clear();
  logged.add(key);
  void api()
    .help.log({ level: 'error', code: problem.code, params })
    .catch(() => undefined);
}
