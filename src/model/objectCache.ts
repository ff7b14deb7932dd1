/** The hidden property holding an object's cache box (see {@link addCacheSlot}). */
const SLOT = Symbol("treatylab.cache");

/** A cache box: values by cache, and the object it belongs to (a copied box is not trusted). */
interface Box {
  readonly owner: object;
  readonly values: Map<symbol, unknown>;
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * Gives an object this package created (a validated scenario before it is frozen, a compiled
 * scenario) a private cache box: a non-enumerable symbol property, invisible to JSON, spreads,
 * `structuredClone`, `Object.keys` and deep equality. {@link ObjectCache}s keep their values for
 * the object there instead of in a `WeakMap`. Returns the object.
 *
 * Why not a `WeakMap`: V8's young-generation collector keeps a `WeakMap` value alive while its
 * key is young, and our values (a compiled scenario, an outcome space) point back to their key,
 * so every short-lived scenario of a what-if loop survived its first collections and was copied
 * to the old generation, where it stayed until a full collection (docs/benchmarks.md, issue 18).
 * A value held by its key's own property dies with the key.
 *
 * @example
 * ```ts
 * import { addCacheSlot, ObjectCache } from "./objectCache.js";
 * const lengths = new ObjectCache<object, number>("lengths");
 * const o = addCacheSlot({ id: "x" });
 * lengths.set(o, 1);
 * lengths.get(o); // 1
 * Object.keys(o); // ["id"]
 * ```
 */
export const addCacheSlot = (function addCacheSlot<T extends object>(o: T): T {
  const box: Box = { owner: o, values: new Map() };
  Object.defineProperty(o, SLOT, { value: box });
  return o;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** The object's own cache box, if it was given one (a box copied onto another object does not count). */
const boxOf = (function boxOf(o: object): Box | undefined {
  const box = (o as { [SLOT]?: Box })[SLOT];
  return box !== undefined && box.owner === o ? box : undefined;
});

/**
 * A cache of values computed from immutable objects: kept in the object's cache box when it has
 * one ({@link addCacheSlot}), else in a `WeakMap` (objects this package did not create, such as a
 * scenario frozen by immer). Either way it keeps nothing alive.
 *
 * @example
 * ```ts
 * import { ObjectCache } from "./objectCache.js";
 * const sizes = new ObjectCache<readonly number[], number>("sizes");
 * const list = Object.freeze([1, 2, 3]);
 * sizes.get(list) ?? (sizes.set(list, list.length), list.length); // 3
 * sizes.get(list); // 3
 * ```
 */
export class ObjectCache<K extends object, V> {
  private readonly key: symbol;
  private readonly weak = new WeakMap<K, V>();

  constructor(name: string) {
    this.key = Symbol(name);
  }

  get(o: K): V | undefined {
    return cacheGet(o, this.key, this.weak) as V | undefined;
  }

  set(o: K, value: V): void {
    cacheSet(o, this.key, this.weak as WeakMap<object, unknown>, value);
  }
}

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** {@link ObjectCache.get}: from the object's box, else from the cache's WeakMap. */
const cacheGet = (function cacheGet(o: object, key: symbol, weak: WeakMap<object, unknown>): unknown {
  const box = boxOf(o);
  return box === undefined ? weak.get(o) : box.values.get(key);
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** {@link ObjectCache.set}: into the object's box, else into the cache's WeakMap. */
const cacheSet = (function cacheSet(o: object, key: symbol, weak: WeakMap<object, unknown>, value: unknown): void {
  const box = boxOf(o);
  if (box === undefined) weak.set(o, value);
  else box.values.set(key, value);
});
