import { messages, type MessageKey } from './messages';
import { fillTemplate, type TemplateValues } from './template';
import { usePreferencesStore } from '../store/preferencesStore';

/** A UI string in the current language, its `{name}` placeholders filled (numbers in the language's digits). */
export function useMessages(): (key: MessageKey, values?: TemplateValues) => string {
  const language = usePreferencesStore((state) => state.language);
  return (key, values) => fillTemplate(messages[language][key], values, language);
}
