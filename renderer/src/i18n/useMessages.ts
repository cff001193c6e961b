import { messages, type MessageKey } from './messages';
import { usePreferencesStore } from '../store/preferencesStore';

export function useMessages(): (key: MessageKey) => string {
  const language = usePreferencesStore((state) => state.language);
  return (key) => messages[language][key];
}
