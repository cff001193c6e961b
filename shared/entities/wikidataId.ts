/**
 * A Wikidata item id: Q and a number without leading zeros. registry.ts checks stored ids with
 * it; (#25) the window checks what is typed without building the registry's schemas.
 */
export const WIKIDATA_ID_PATTERN = /^Q[1-9][0-9]*$/;

export function isWikidataId(text: string): boolean {
  return WIKIDATA_ID_PATTERN.test(text);
}
