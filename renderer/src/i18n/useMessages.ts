import { messages, type MessageKey } from './messages';
import { fillTemplate, type TemplateValues } from './template';
import { useSessionStore } from '../store/sessionStore';

/** A UI string in the current language, its `{name}` placeholders filled (numbers in the language's digits). */
export function useMessages(): (key: MessageKey, values?: TemplateValues) => string {
  const language = useSessionStore((state) => state.language);
  return (key, values) => fillTemplate(messages[language][key], values, language);
}
