/**
 * Index of a bundle in mixed radix (issues in declaration order, last issue fastest), and back.
 *
 * @example
 * ```ts
 * const { encode, decode } = bundleIndexer([2, 3]);
 * encode([1, 2]); // 5
 * decode(5); // [1, 2]
 * ```
 */
export function bundleIndexer(sizes: readonly number[]): {
  strides: number[];
  encode: (b: ArrayLike<number>) => number;
  decode: (index: number) => Int32Array;
} {
  const strides = new Array<number>(sizes.length);
  let s = 1;
  for (let i = sizes.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= sizes[i]!;
  }
  return {
    strides,
    encode: (b) => {
      let x = 0;
      for (let i = 0; i < strides.length; i++) x += b[i]! * strides[i]!;
      return x;
    },
    decode: (index) => {
      const out = new Int32Array(sizes.length);
      let rest = index;
      for (let i = 0; i < sizes.length; i++) {
        out[i] = Math.floor(rest / strides[i]!);
        rest -= out[i]! * strides[i]!;
      }
      return out;
    },
  };
}
