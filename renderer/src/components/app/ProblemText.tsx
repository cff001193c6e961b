import type { UserProblem } from '../../../../shared/userProblem';
import { problemDetail } from '../../i18n/problemMessages';
import { useProblemText } from '../../i18n/useProblemText';
import { useEffect } from 'react';
import { logShownProblem } from './problemLog';

/** A coded problem from main, in the user's language; main's English detail, if any, only in the tooltip. */
export function ProblemText({ problem, detail }: { problem: UserProblem; detail?: string | null }) {
  const say = useProblemText();
  // Every problem shown to the user goes to the app log with its code and parameters (#23).
  useEffect(() => logShownProblem(problem), [problem]);
  return (
    <span className="problem-text" data-problem-code={problem.code} title={detail ?? problemDetail(problem)}>
      {say(problem)}
    </span>
  );
}
