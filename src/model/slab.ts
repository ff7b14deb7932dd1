/**
 * Small typed arrays carved out of shared 16 KiB buffers. V8 keeps a typed array of more than 64
 * bytes in a buffer of its own, allocated outside the JavaScript heap and freed by the garbage
 * collector: for the few hundred bytes a what-if's tables need (a compiled valuation, a split
 * space's halves), that costs more than filling them, and the outside memory makes collections
 * more frequent (issue 18: about 10% of a negotiation on a new what-if). Views into a shared
 * buffer cost one small object each.
 *
 * The arrays start zeroed, like `new Float64Array(n)`. Their `buffer` is shared with other arrays
 * (a buffer lives while any of its views does, so at most one slab per long-lived table is kept):
 * do not transfer it to a worker or detach it. Requests above 4 KiB get a buffer of their own.
 */
const SLAB_BYTES = 16 * 1024;
const OWN_BUFFER_ABOVE = 4 * 1024;

let slab = new ArrayBuffer(SLAB_BYTES);
let used = 0;

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/** Byte offset of `bytes` bytes, 8-aligned, in the current slab (a new slab when it is full). */
const take = (function take(bytes: number): number {
  let at = (used + 7) & ~7;
  if (at + bytes > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    at = 0;
  }
  used = at + bytes;
  return at;
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * A zeroed Float64Array of length n, in a shared buffer when small (see the module comment).
 *
 * @example
 * ```ts
 * import { float64s } from "./slab.js";
 * const row = float64s(10);
 * row.length; // 10
 * row[3]; // 0
 * ```
 */
export const float64s = (function float64s(n: number): Float64Array {
  const bytes = n * 8;
  if (bytes > OWN_BUFFER_ABOVE) return new Float64Array(n);
  const at = take(bytes);
  return new Float64Array(slab, at, n);
});

// Parenthesised, hence prettier-ignore: compiled when the module loads (issue 18, first call).
// prettier-ignore
/**
 * A zeroed Int32Array of length n, in a shared buffer when small (see the module comment).
 *
 * @example
 * ```ts
 * import { int32s } from "./slab.js";
 * int32s(4); // Int32Array [0, 0, 0, 0]
 * ```
 */
export const int32s = (function int32s(n: number): Int32Array {
  const bytes = n * 4;
  if (bytes > OWN_BUFFER_ABOVE) return new Int32Array(n);
  const at = take(bytes);
  return new Int32Array(slab, at, n);
});
