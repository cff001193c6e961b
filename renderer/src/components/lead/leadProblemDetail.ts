import type { AgreementProblem } from '../../../../shared/agreement/agreementReport';
import { messages, type UiLanguage } from '../../i18n/messages';
import { problemText } from '../../i18n/problemMessages';
import { PROBLEM_EXPLANATIONS } from '../corpus/problemExplanations';
import { leadMessages } from './leadMessages';

/**
 * The detail of an agreement or curation problem in the UI language (#19): why an annotator's
 * file or an article was left out, from the cause main coded. Main's English message is shown
 * only in the English UI, and only when no cause came with it (an older main).
 */
export function leadProblemDetail(problem: Pick<AgreementProblem, 'kind' | 'cause' | 'problem' | 'message'>, language: UiLanguage): string | undefined {
  if (problem.kind === 'tokens') return leadMessages[language].tokensOutOfOrder;
  if (problem.problem) return problemText(problem.problem, language);
  if (problem.cause === 'missing') return leadMessages[language].fileMissing;
  const key = problem.cause ? PROBLEM_EXPLANATIONS[problem.cause] : undefined;
  if (key) return messages[language][key];
  return language === 'en' ? problem.message : undefined;
}
