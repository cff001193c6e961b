import type { UserProblem } from '../../../shared/userProblem';
import { useSessionStore } from '../store/sessionStore';
import { problemText } from './problemMessages';

/** Words a coded problem from main in the UI language (follows a language switch). */
export function useProblemText(): (problem: UserProblem) => string {
  const language = useSessionStore((state) => state.language);
  return (problem) => problemText(problem, language);
}
