import type { UserProblem } from '../../../../shared/userProblem';
import { problemDetail } from '../../i18n/problemMessages';
import { useProblemText } from '../../i18n/useProblemText';

/** A coded problem from main, in the user's language; main's English detail, if any, only in the tooltip. */
export function ProblemText({ problem, detail }: { problem: UserProblem; detail?: string | null }) {
  const say = useProblemText();
  return (
    <span className="problem-text" data-problem-code={problem.code} title={detail ?? problemDetail(problem)}>
      {say(problem)}
    </span>
  );
}
