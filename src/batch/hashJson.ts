/**
 * A 64-bit FNV-1a hash of a value's JSON text, as 16 hex digits: a fingerprint used to check that
 * shard outputs belong to the same job (not a cryptographic hash).
 *
 * @example
 * ```ts
 * hashJson({ a: 1 }) === hashJson({ a: 1 }); // true
 * ```
 */
export function hashJson(value: unknown): string {
  const text = JSON.stringify(value) ?? "undefined";
  let h = 0xcbf29ce484222325n;
  const prime = 0x100000001b3n;
  const mask = 0xffffffffffffffffn;
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * prime) & mask;
  }
  return h.toString(16).padStart(16, "0");
}
