import { CorpusSwitchRequests } from '../services/app/corpusSwitchRequests';
import { TransferJobs } from '../services/transfer/transferJobs';
import { desktopContext } from '../services/desktop/aboutInfo';
import { appHandlers } from './handlers/app';
import { helpHandlers } from './handlers/help';
import { entityHandlers } from './handlers/entities';
import { articleHandlers } from './handlers/article';
import { corpusHandlers } from './handlers/corpus';
import { leadHandlers } from './handlers/lead';
import { pretagHandlers } from './handlers/pretag';
import { tagsetHandlers } from './handlers/tagset';
import { transferHandlers } from './handlers/transfer';
import type { HandlerContext, HandlerDependencies, HandlerDomain, HandlerTable } from './handlerTypes';

/**
 * Every domain's handlers, one table. Each domain file answers exactly its channels
 * (handlerTypes.ts DomainHandlers), and the domains split the contract's namespaces between
 * them: a channel without a handler, or with two, does not compile.
 */
const domainHandlers = {
  app: appHandlers,
  corpus: corpusHandlers,
  article: articleHandlers,
  tagset: tagsetHandlers,
  lead: leadHandlers,
  transfer: transferHandlers,
  help: helpHandlers,
  entities: entityHandlers,
  pretag: pretagHandlers,
} as const satisfies Record<HandlerDomain, (context: HandlerContext) => object>;

/** Without a desktop (tests of other domains): the runtime's versions, no licences, no log. */
const noDesktop = () => desktopContext({ appVersion: '0.0.0', versions: process.versions, licenceFiles: [], log: null, platform: process.platform });

export function createHandlerTable({ systemLocale = 'en', transfers = new TransferJobs(), switchRequests = new CorpusSwitchRequests(), desktop = noDesktop(), ...dependencies }: HandlerDependencies): HandlerTable {
  const context: HandlerContext = { ...dependencies, systemLocale, transfers, switchRequests, desktop };
  forwardSessionEvents(context);
  return {
    ...domainHandlers.app(context),
    ...domainHandlers.corpus(context),
    ...domainHandlers.article(context),
    ...domainHandlers.tagset(context),
    ...domainHandlers.lead(context),
    ...domainHandlers.transfer(context),
    ...domainHandlers.help(context),
    ...domainHandlers.entities(context),
    ...domainHandlers.pretag(context),
  };
}

/** What the session notices on disk (the watcher) reaches the window as events. */
function forwardSessionEvents({ session, host }: HandlerContext): void {
  session.onEvent((event) => {
    if (event.kind === 'articleChangedOnDisk') host.emit('article.changedOnDisk', { id: event.id });
    else if (event.kind === 'annotationsChangedOnDisk') host.emit('annotations.changedOnDisk', { id: event.id });
    else host.emit('corpus.listChanged', event.corpus);
  });
}
