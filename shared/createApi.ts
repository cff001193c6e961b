/**
 * Builds the object exposed as `window.api` from the channel and event names of the
 * contract. The preload passes Electron's ipcRenderer functions; the e2e harness's
 * stand-in passes functions bound to Playwright. This function must stay self-contained
 * (no imports, no outer references): the harness injects its source into the page.
 */
export type Invoke = (channel: string, request: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => () => void;

export function createApi(channels: readonly string[], events: readonly string[], invoke: Invoke, subscribe: Subscribe): Record<string, unknown> {
  const api: Record<string, Record<string, unknown> | ((listener: (payload: unknown) => void) => () => void)> = {};
  for (const channel of channels) {
    const [namespace, verb] = channel.split('.');
    const group = (api[namespace] ??= {}) as Record<string, unknown>;
    group[verb] = (request: unknown) => invoke(channel, request === undefined ? {} : request);
  }
  for (const event of events) {
    const [namespace, verb] = event.split('.');
    const method = 'on' + namespace.charAt(0).toUpperCase() + namespace.slice(1) + verb.charAt(0).toUpperCase() + verb.slice(1);
    api[method] = (listener: (payload: unknown) => void) => subscribe(event, listener);
  }
  return Object.freeze(api);
}
