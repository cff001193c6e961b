/**
 * Copies of records with every field inside the object (#25, session 19).
 *
 * A record that arrives over IPC (structured clone) or is made by a spread has four fields inside
 * the object and the rest in a separate property array: the 10,000 annotations of the bench
 * article were 28 bytes of object and 20 of property array each. Objects made by one constructor
 * are sized by V8 to the fields its first few instances received (slack tracking), so a copy made
 * here holds its seven fields in 40 bytes, nothing outside.
 *
 * The copies are plain objects: the constructor's prototype is `Object.prototype`, so
 * `Object.getPrototypeOf`, `constructor`, spreads, `JSON.stringify` and structured clone see
 * exactly what they saw in a spread's copy, with the same keys in the same order.
 */

interface InObjectConstructor {
  new (source: Readonly<Record<string, unknown>>): Record<string, unknown>;
  prototype: object;
}

// A for-in walks the keys in the order a spread copies them (integer-like keys first, then
// insertion order); the records copied here inherit no enumerable key (Object.prototype has none).
// The values are copied as they are: a caller converts fields in place afterwards, a store into
// a field the object already has (one shape at that store, which a per-key callback here was not:
// the first conversion of 100,000 records took up to half as long again in Chromium).
const InObjectRecord = function InObjectRecord(this: Record<string, unknown>, source: Readonly<Record<string, unknown>>): void {
  for (const key in source) this[key] = source[key];
} as unknown as InObjectConstructor;
InObjectRecord.prototype = Object.prototype;

/** `{ ...source }`: the same keys in the same order, the same values, stored inside the object. */
export function inObjectCopy<T extends object>(source: T): T {
  const fields = source as Readonly<Record<string, unknown>>;
  // An own `__proto__` key (a hostile file may carry one) would set the prototype by assignment:
  // a spread defines it as a field, as before.
  if (Object.hasOwn(fields, '__proto__')) return { ...source };
  return new InObjectRecord(fields) as T;
}
