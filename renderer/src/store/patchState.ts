import type { StoreApi } from 'zustand';

/**
 * Sets fields of a store unless every one already holds that value: a change that changes
 * nothing notifies nobody. Selection changes and save steps set fields many times a second,
 * and each notification runs the selectors of every subscribed component.
 */
export function patchState<T extends object>(store: Pick<StoreApi<T>, 'getState' | 'setState'>, change: Partial<T>): void {
  const state = store.getState();
  if (Object.entries(change).every(([key, value]) => Object.is(state[key as keyof T], value))) return;
  store.setState(change);
}
