/**
 * An immutable string-keyed map whose `set`/`delete` copy only one path of a
 * two-level, 32-way hash trie (two 32-slot arrays and one small leaf), so
 * folding thousands of events into ever-growing maps stays linear and cheap
 * instead of copying the whole map per event. Iteration keeps insertion
 * order, like Map.
 */
const BITS = 5;
const WIDTH = 1 << BITS;
const MASK = WIDTH - 1;

interface Entry<V> {
  readonly key: string;
  readonly value: V;
  readonly order: number;
}

type Leaf<V> = readonly Entry<V>[];
type Branch<V> = readonly (Leaf<V> | undefined)[];
type Root<V> = readonly (Branch<V> | undefined)[];

const emptySlots = (): undefined[] => new Array<undefined>(WIDTH).fill(undefined);
const emptyRoot: Root<never> = emptySlots();
const emptyBranch: Branch<never> = emptySlots();

export class PersistentMap<V> implements ReadonlyMap<string, V> {
  /** Entries in insertion order, sorted once per map on first iteration (the map never changes). */
  private ordered: Entry<V>[] | undefined;

  private constructor(
    private readonly root: Root<V>,
    readonly size: number,
    private readonly nextOrder: number,
  ) {}

  static empty<V>(): PersistentMap<V> {
    return new PersistentMap<V>(emptyRoot, 0, 0);
  }

  static from<V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> {
    let map = PersistentMap.empty<V>();
    for (const [key, value] of entries) map = map.set(key, value);
    return map;
  }

  get(key: string): V | undefined {
    return this.find(key)?.value;
  }

  has(key: string): boolean {
    return this.find(key) !== undefined;
  }

  /** A map with the key set; an existing key keeps its place in the order. */
  set(key: string, value: V): PersistentMap<V> {
    const hash = hashOf(key);
    const leaf = this.leafAt(hash);
    const index = leaf?.findIndex((entry) => entry.key === key) ?? -1;
    const existing = index < 0 ? undefined : leaf![index]!;
    const entry = { key, value, order: existing?.order ?? this.nextOrder };
    const next = leaf ? [...leaf] : [];
    if (existing) next[index] = entry;
    else next.push(entry);
    return new PersistentMap(
      this.withLeaf(hash, next),
      this.size + (existing ? 0 : 1),
      this.nextOrder + 1,
    );
  }

  delete(key: string): PersistentMap<V> {
    const hash = hashOf(key);
    const leaf = this.leafAt(hash);
    const kept = leaf?.filter((entry) => entry.key !== key);
    if (!leaf || kept!.length === leaf.length) return this;
    return new PersistentMap(
      this.withLeaf(hash, kept!.length > 0 ? kept : undefined),
      this.size - 1,
      this.nextOrder,
    );
  }

  *entries(): MapIterator<[string, V]> {
    for (const entry of this.inOrder()) yield [entry.key, entry.value];
  }

  *keys(): MapIterator<string> {
    for (const entry of this.inOrder()) yield entry.key;
  }

  *values(): MapIterator<V> {
    for (const entry of this.inOrder()) yield entry.value;
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    for (const entry of this.inOrder()) callback(entry.value, entry.key, this);
  }

  private find(key: string): Entry<V> | undefined {
    return this.leafAt(hashOf(key))?.find((entry) => entry.key === key);
  }

  private leafAt(hash: number): Leaf<V> | undefined {
    return this.root[hash & MASK]?.[(hash >>> BITS) & MASK];
  }

  private withLeaf(hash: number, leaf: Leaf<V> | undefined): Root<V> {
    const top = hash & MASK;
    const branch = [...(this.root[top] ?? emptyBranch)];
    branch[(hash >>> BITS) & MASK] = leaf;
    const root = [...this.root];
    root[top] = branch;
    return root;
  }

  private inOrder(): Entry<V>[] {
    if (!this.ordered) {
      const all: Entry<V>[] = [];
      for (const branch of this.root)
        for (const leaf of branch ?? []) if (leaf) for (const entry of leaf) all.push(entry);
      this.ordered = all.sort((a, b) => a.order - b.order);
    }
    return this.ordered;
  }
}

/** FNV-1a: its low bits pick the branch, the next ones the leaf. */
function hashOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < key.length; index += 1) {
    hash ^= key.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
