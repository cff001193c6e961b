import { messages, type MessageKey } from './messages';
import { useSessionStore } from '../store/sessionStore';

export function useMessages(): (key: MessageKey) => string {
  const language = useSessionStore((state) => state.language);
  return (key) => messages[language][key];
}
