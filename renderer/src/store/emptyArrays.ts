/**
 * Shared empty arrays for store selectors: zustand compares selector results by identity, so a
 * selector that returned a fresh `[]` would re-render forever.
 */
export const NO_ITEMS: readonly never[] = Object.freeze([]);
