/**
 * Copies of records with every field inside the object (#25, session 19).
 *
 * A record that arrives over IPC (structured clone) or is made by a spread of one has four
 * fields inside the object and the rest in a separate property array: the 10,000 annotations of
 * the bench article were 28 bytes of object and 20 of property array each. Objects made by one
 * constructor are sized by V8 to the fields its first few instances received (slack tracking),
 * so a copy made here holds its seven fields in 40 bytes, nothing outside.
 *
 * The copies are plain objects: the constructor's prototype is `Object.prototype`, so
 * `Object.getPrototypeOf`, `constructor`, spreads, `JSON.stringify` and structured clone see
 * exactly what they saw in a literal with the same keys in the same order.
 */

type FieldValue = (key: string, value: unknown) => unknown;

interface InObjectConstructor {
  new (source: Readonly<Record<string, unknown>>, valueOf: FieldValue): Record<string, unknown>;
  prototype: object;
}

const InObjectRecord = function InObjectRecord(this: Record<string, unknown>, source: Readonly<Record<string, unknown>>, valueOf: FieldValue): void {
  // Object.keys gives the order a spread copies in (integer-like keys first, then insertion order).
  for (const key of Object.keys(source)) this[key] = valueOf(key, source[key]);
} as unknown as InObjectConstructor;
InObjectRecord.prototype = Object.prototype;

/** `{ ...source }` with each value passed through `valueOf`: the same keys in the same order, stored inside the object. */
export function inObjectCopy<T extends object>(source: T, valueOf: FieldValue): T {
  const fields = source as Readonly<Record<string, unknown>>;
  // An own `__proto__` key (a hostile file may carry one) would set the prototype by assignment:
  // a spread defines it as a field, as before.
  if (Object.hasOwn(fields, '__proto__')) return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, valueOf(key, value)])) as T;
  return new InObjectRecord(fields, valueOf) as T;
}
