/**
 * One string instance per distinct value. Strings that arrive over IPC or from JSON.parse are
 * separate copies even when equal: the 10,000 annotations of the bench article held 10,000
 * copies each of their author, their creation time and a handful of type ids, and thousands of
 * copies of the same quoted words, about 1 MB of the window's heap (#25). Equal strings are
 * indistinguishable in JavaScript, so sharing one instance changes nothing but memory.
 * A pool lives as long as one load: it is dropped with the strings only it still held.
 */
export class StringPool {
  private readonly strings = new Map<string, string>();

  intern(value: string): string {
    const known = this.strings.get(value);
    if (known !== undefined) return known;
    this.strings.set(value, value);
    return value;
  }

  /** In place: each of `fields` that holds a string on `record` is replaced by the pool's instance. */
  internFields<T extends object>(record: T, fields: readonly (keyof T & string)[]): T {
    const values = record as Record<string, unknown>;
    for (const field of fields) {
      const value = values[field];
      if (typeof value === 'string') values[field] = this.intern(value);
    }
    return record;
  }

  get size(): number {
    return this.strings.size;
  }
}
