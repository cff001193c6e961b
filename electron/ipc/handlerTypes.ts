import type { z } from 'zod';
import type { Channel, ipcContract, ResponseOf } from '../../shared/ipc';
import type { CorpusSwitchRequests } from '../services/app/corpusSwitchRequests';
import type { SettingsStore } from '../services/app/settingsStore';
import type { DesktopContext } from '../services/desktop/aboutInfo';
import type { CorpusSession } from '../services/corpus/corpusSession';
import type { TransferJobs } from '../services/transfer/transferJobs';
import type { Confined } from './articleRefs';
import type { HostPlatform } from './hostPlatform';

/**
 * The request as a handler receives it: as the contract's schema outputs it (defaults filled
 * in), with every article id already confined to the opened corpus by the dispatcher.
 */
export type HandlerRequest<C extends Channel> = Confined<z.output<(typeof ipcContract)[C]['request']>>;
type Handler<C extends Channel> = (request: HandlerRequest<C>) => Promise<ResponseOf<C>>;
/** One handler per channel of shared/ipc.ts. */
export type HandlerTable = { [C in Channel]: Handler<C> };

type Namespace<C extends string> = C extends `${infer N}.${string}` ? N : never;

/**
 * Which handler file (electron/ipc/handlers/) answers each namespace of the contract. Every
 * namespace is named exactly once (an object's keys), and `satisfies` refuses a namespace the
 * contract lacks or a missing one: each channel therefore has exactly one domain.
 */
export const domainOfNamespace = {
  app: 'app',
  settings: 'app',
  session: 'app',
  corpus: 'corpus',
  article: 'article',
  annotations: 'article',
  tagset: 'tagset',
  stats: 'lead',
  annotators: 'lead',
  agreement: 'lead',
  curation: 'lead',
  export: 'transfer',
  import: 'transfer',
  help: 'help',
  entities: 'entities',
  pretag: 'pretag',
} as const satisfies Record<Namespace<Channel>, string>;

export type HandlerDomain = (typeof domainOfNamespace)[Namespace<Channel>];
/** The channels of a domain, derived from the contract. */
export type DomainChannel<D extends HandlerDomain> = { [C in Channel]: (typeof domainOfNamespace)[Namespace<C>] extends D ? C : never }[Channel];
/** What a handler file returns: a handler for each channel of its domain, and nothing else. */
export type DomainHandlers<D extends HandlerDomain> = { [C in DomainChannel<D>]: Handler<C> };

export interface HandlerDependencies {
  session: CorpusSession;
  settings: SettingsStore;
  host: HostPlatform;
  development: boolean;
  /** The operating system's locale (Electron's app.getLocale()), for the default UI language. */
  systemLocale?: string;
  /** Export and import jobs; one per window. */
  transfers?: TransferJobs;
  /** Folders main's menus asked to open, waiting for the window's consent. */
  switchRequests?: CorpusSwitchRequests;
  /** (#23) The About box, the log and the system's name. */
  desktop?: DesktopContext;
}

/** The dependencies with the defaults filled in, as each handler file receives them. */
export type HandlerContext = Required<HandlerDependencies>;
