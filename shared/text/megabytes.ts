const numberFormat = new Intl.NumberFormat('en');

/** A byte count in megabytes, to one decimal, for messages («12.5 MB»). */
export function megabytes(bytes: number): string {
  return `${numberFormat.format(Math.round((bytes / (1024 * 1024)) * 10) / 10)} MB`;
}
