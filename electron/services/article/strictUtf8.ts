/**
 * The one strict UTF-8 decoder. Strict: a lenient decoder would turn stray bytes into U+FFFD and
 * the next save would silently destroy them, so bytes that are not UTF-8 give null instead.
 */
const keepingMark = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const droppingMark = new TextDecoder('utf-8', { fatal: true });

/**
 * The UTF-8 text of `bytes`, or null when they are not UTF-8. `byteOrderMark: 'keep'` leaves a
 * leading BOM in the text as U+FEFF (brat counts it in its offsets); 'drop' removes it.
 */
export function decodeUtf8Strictly(bytes: Uint8Array, byteOrderMark: 'keep' | 'drop'): string | null {
  try {
    return (byteOrderMark === 'keep' ? keepingMark : droppingMark).decode(bytes);
  } catch {
    return null;
  }
}
