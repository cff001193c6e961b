import type { z } from 'zod';
import type { Channel, ipcContract, ResponseOf } from '../../shared/ipc';

/** The request as the contract's schema outputs it (defaults filled in), which is what a handler receives. */
type RequestOutput<C extends Channel> = z.output<(typeof ipcContract)[C]['request']>;
type Handler<C extends Channel> = (request: RequestOutput<C>) => Promise<ResponseOf<C>>;
/** One handler per channel of shared/ipc.ts; the domain handler files each fill a part of it. */
export type HandlerTable = { [C in Channel]: Handler<C> };
