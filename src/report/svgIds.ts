/**
 * Prefixes every `id` of an SVG document and every reference to it (`url(#id)`, `href="#id"`), so
 * several SVGs inlined in one HTML page do not share ids (Vega names clip paths `clip1`, `clip2`...
 * in every SVG, and a page resolves `url(#clip1)` to the first one).
 *
 * @example
 * ```ts
 * import { namespaceSvgIds } from "./svgIds.js";
 * namespaceSvgIds('<clipPath id="clip1"/><g clip-path="url(#clip1)"/>', "f2");
 * // '<clipPath id="f2-clip1"/><g clip-path="url(#f2-clip1)"/>'
 * ```
 */
export function namespaceSvgIds(svg: string, prefix: string): string {
  return svg
    .replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}-${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}-${id})`)
    .replace(/\bhref="#([^"]+)"/g, (_, id: string) => `href="#${prefix}-${id}"`);
}
