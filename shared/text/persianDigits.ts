/**
 * A number in Persian digits, for the Persian half of a message («۱۲») where no Intl format is
 * made (a thread's first Intl.NumberFormat costs 45-75 ms of CPU, see megabytes.ts): every ASCII
 * digit written as its Persian one, the rest left as it is.
 */
export function persianDigits(value: number | string): string {
  return String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(0x06f0 + digit.charCodeAt(0) - 0x30));
}
