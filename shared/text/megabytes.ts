/**
 * (#25) Made on first use: a thread's first Intl.NumberFormat loads ICU's number data (45-75 ms
 * of CPU here), which every export thread paid at start-up for messages it almost never writes.
 */
let numberFormat: Intl.NumberFormat | null = null;

/** A number in English digits with thousands separators, for messages («1,000,000»). */
export function englishNumber(value: number): string {
  numberFormat ??= new Intl.NumberFormat('en');
  return numberFormat.format(value);
}

/** A byte count in megabytes, to one decimal, for messages («12.5 MB»). */
export function megabytes(bytes: number): string {
  return `${englishNumber(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}
