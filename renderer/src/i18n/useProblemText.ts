import type { UserProblem } from '../../../shared/userProblem';
import { usePreferencesStore } from '../store/preferencesStore';
import { problemText } from './problemMessages';

/** Words a coded problem from main in the UI language (follows a language switch). */
export function useProblemText(): (problem: UserProblem) => string {
  const language = usePreferencesStore((state) => state.language);
  return (problem) => problemText(problem, language);
}
