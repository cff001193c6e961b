/**
 * Summaries are asked for in pages of at most this many articles, so the window fills the list
 * as they come. Apart from metadataWire.ts's schemas so that (#25) the window reads it without
 * building them.
 */
export const SUMMARY_PAGE_SIZE = 500;
