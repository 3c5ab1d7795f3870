/**
 * An immutable string-keyed map whose `set`/`delete` copy only one of its
 * buckets, so folding thousands of events into ever-growing maps stays
 * linear instead of copying the whole map per event. Iteration keeps
 * insertion order, like Map.
 */
const BUCKETS = 256;

interface Entry<V> {
  value: V;
  order: number;
}

type Bucket<V> = ReadonlyMap<string, Entry<V>>;

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  private constructor(
    private readonly buckets: readonly (Bucket<V> | undefined)[],
    readonly size: number,
    private readonly nextOrder: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(new Array<Bucket<V> | undefined>(BUCKETS).fill(undefined), 0, 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  get(key: string): V | undefined {
    return this.buckets[bucketOf(key)]?.get(key)?.value;
  }

  has(key: string): boolean {
    return this.buckets[bucketOf(key)]?.has(key) ?? false;
  }

  /** A map with the key set; an existing key keeps its place in the order. */
  set(key: string, value: V): PersistentMap<V> {
    const index = bucketOf(key);
    const bucket = this.buckets[index];
    const existing = bucket?.get(key);
    const next = new Map(bucket).set(key, { value, order: existing?.order ?? this.nextOrder });
    return new PersistentMap(
      this.replace(index, next),
      this.size + (existing ? 0 : 1),
      this.nextOrder + 1,
    );
  }

  delete(key: string): PersistentMap<V> {
    const index = bucketOf(key);
    const bucket = this.buckets[index];
    if (!bucket?.has(key)) return this;
    const next = new Map(bucket);
    next.delete(key);
    return new PersistentMap(this.replace(index, next), this.size - 1, this.nextOrder);
  }

  *entries(): MapIterator<[string, V]> {
    const all = this.buckets.flatMap((bucket) => (bucket ? [...bucket.entries()] : []));
    all.sort(([, a], [, b]) => a.order - b.order);
    for (const [key, entry] of all) yield [key, entry.value];
  }

  *keys(): MapIterator<string> {
    for (const [key] of this.entries()) yield key;
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this);
  }

  private replace(index: number, bucket: Bucket<V>): (Bucket<V> | undefined)[] {
    const buckets = [...this.buckets];
    buckets[index] = bucket;
    return buckets;
  }
}

/** FNV-1a, folded onto the bucket count. */
function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % BUCKETS;
}
