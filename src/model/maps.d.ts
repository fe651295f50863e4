/** Appends `value` to the list under `key`, creating the list on first use. */
export declare function push<K, V>(map: Map<K, V[]>, key: K, value: V): void;
/** The value under `key`, computed by `make` and stored on first use (a per-run cache). */
export declare function cached<K, V>(
  map: {
    get(key: K): V | undefined;
    set(key: K, value: V): unknown;
  },
  key: K,
  make: () => V,
): V;
