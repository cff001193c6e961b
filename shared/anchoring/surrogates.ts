/** UTF-16 surrogates: an astral character (emoji, rare CJK) is a high surrogate followed by a low one. */

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when a well-formed pair starts at UTF-16 offset `index`: the character there takes two units. */
export function isSurrogatePairAt(text: string, index: number): boolean {
  return isHighSurrogate(text.charCodeAt(index)) && isLowSurrogate(text.charCodeAt(index + 1));
}

/** True when UTF-16 offset `index` falls between the two halves of a surrogate pair: no place to cut. */
export function isInsideSurrogatePair(text: string, index: number): boolean {
  return index > 0 && index < text.length && isLowSurrogate(text.charCodeAt(index)) && isHighSurrogate(text.charCodeAt(index - 1));
}
