import type { MessageKey } from '../../i18n/messages';

/**
 * The user's-language sentence for each kind of annotation-file problem main reports (on
 * opening an article, and in the corpus list); main's own message is the technical detail.
 */
export const PROBLEM_EXPLANATIONS: Record<string, MessageKey | undefined> = {
  syntax: 'problemSyntax',
  schema: 'problemSchema',
  version: 'problemVersion',
  offsets: 'problemOffsets',
  text: 'problemText',
  io: 'problemIo',
  invariant: 'problemInvariant',
  permission: 'problemPermission',
};
