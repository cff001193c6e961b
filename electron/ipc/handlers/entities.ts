import { editEntities, linkEntitySpan, loadRegistry, viewEntity } from '../../services/entities/entityService';
import type { DomainHandlers, HandlerContext } from '../handlerTypes';

/** The entity registry (#24): loading, editing, the entity view and linking spans of articles not open. */
export function entityHandlers({ session, settings, host }: HandlerContext): DomainHandlers<'entities'> {
  return {
    'entities.load': async () => loadRegistry(session.entityFileAccess()),
    'entities.edit': async (request) => editEntities(session.entityFileAccess(), request),
    'entities.view': async ({ entity }) => viewEntity(session.entityFileAccess(), entity, (done, total) => host.emit('entities.progress', { done, total })),
    'entities.linkSpan': async (link) => linkEntitySpan(session.entityFileAccess(), link, settings.annotator()),
  };
}
