import type { DomainHandlers, HandlerContext } from '../handlerTypes';

/** (#23) Help › About, and the window's lines for the app log. */
export function helpHandlers({ desktop }: HandlerContext): DomainHandlers<'help'> {
  return {
    'help.about': async () => desktop.about(),
    'help.log': async ({ level, code, params }) => {
      desktop.log?.write(level, 'window', code, params);
      return { ok: true } as const;
    },
  };
}
