import { XMLParser, XMLValidator } from "fast-xml-parser";
import { TreatylabError } from "../model/errors.js";

/**
 * Largest XML or JSON document the GENIUS / GeniusWeb importers accept (characters).
 * @example
 * ```ts
 * import { MAX_INTEROP_CHARS } from "./safeXml.js";
 * parseJsonText(" ".repeat(MAX_INTEROP_CHARS + 1), "big.json");
 * // throws "big.json: 8388609 characters, over the limit of 8388608 for a GeniusWeb file"
 * ```
 */
export const MAX_INTEROP_CHARS = 8 * 1024 * 1024;

/**
 * Most elements an XML document may contain.
 * @example
 * ```ts
 * import { MAX_XML_ELEMENTS } from "./safeXml.js";
 * parseXml(`<a>${"<b/>".repeat(MAX_XML_ELEMENTS + 1)}</a>`, "big.xml");
 * // throws "big.xml: more than 200000 XML elements, over the limit for a GENIUS file"
 * ```
 */
export const MAX_XML_ELEMENTS = 200_000;

/**
 * A parsed XML element: attributes as strings, child elements as arrays.
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { parseXml, type XmlElement } from "treatylab/advanced";
 * const root: XmlElement = parseXml(readFileSync("examples/genius/nash-1950/bill.xml", "utf8"), "bill.xml");
 * Object.keys(root.children); // ["utility_space"]
 * ```
 */
export interface XmlElement {
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: Readonly<Record<string, readonly XmlElement[]>>;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  attributesGroupName: "@",
  parseAttributeValue: false,
  parseTagValue: false,
  // Entities are decoded by `decodeXmlText` below, in one pass: the parser's own decoding reads
  // no character references (&#10;) unless HTML entities are on too.
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Attribute values as written: a label may start or end with a space.
  trimValues: false,
  isArray: () => true,
});

const XML_NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes the five XML entities and character references (`&#10;`, `&#x9;`) in one pass. */
function decodeXmlText(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#x([0-9a-fA-F]{1,6}));/g, (whole, name, dec, hex) => {
    if (name !== undefined) return XML_NAMED[name as string]!;
    const code = dec !== undefined ? Number(dec) : parseInt(hex as string, 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

function toElement(raw: unknown): XmlElement {
  const attrs: Record<string, string> = {};
  const children: Record<string, XmlElement[]> = {};
  if (raw !== null && typeof raw === "object") {
    for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
      if (k === "@") {
        const group = (Array.isArray(v) ? v[0] : v) as Record<string, unknown>;
        for (const [a, av] of Object.entries(group ?? {})) attrs[a] = decodeXmlText(String(av));
      } else if (k !== "#text") {
        children[k] = (Array.isArray(v) ? v : [v]).map(toElement);
      }
    }
  }
  return { attrs, children };
}

/**
 * Parses an XML document into {@link XmlElement}s, refusing anything that could make parsing slow
 * or unsafe: documents over {@link MAX_INTEROP_CHARS}, any `<!DOCTYPE` or `<!ENTITY` declaration
 * (GENIUS files never use them; refusing them defeats "billion laughs" and external-entity attacks),
 * more than {@link MAX_XML_ELEMENTS} elements, and malformed XML (reported with line and column).
 * Pure: no file access.
 *
 * @example
 * ```ts
 * const root = parseXml('<utility_space><objective index="0"/></utility_space>', "party.xml");
 * root.children.utility_space?.[0]?.children.objective?.[0]?.attrs.index; // "0"
 * ```
 */
export function parseXml(text: string, where: string): XmlElement {
  if (text.length > MAX_INTEROP_CHARS)
    throw new TreatylabError(
      `${where}: ${text.length} characters, over the limit of ${MAX_INTEROP_CHARS} for a GENIUS file`,
    );
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const dtd = /<!(DOCTYPE|ENTITY)/i.exec(body);
  if (dtd)
    throw new TreatylabError(
      `${where}: contains a <!${dtd[1]!.toUpperCase()} declaration, which treatylab refuses (entity expansion attacks); GENIUS files have none, remove it`,
    );
  let elements = 0;
  for (let k = body.indexOf("<"); k >= 0; k = body.indexOf("<", k + 1)) {
    const next = body.charCodeAt(k + 1);
    if (next !== 47 && next !== 33 && next !== 63 && ++elements > MAX_XML_ELEMENTS)
      throw new TreatylabError(
        `${where}: more than ${MAX_XML_ELEMENTS} XML elements, over the limit for a GENIUS file`,
      );
  }
  const valid = XMLValidator.validate(body);
  if (valid !== true)
    throw new TreatylabError(`${where}:${valid.err.line}:${valid.err.col}: invalid XML (${valid.err.msg})`);
  return toElement(parser.parse(body));
}

/**
 * The child elements of `el` with a given tag (empty when there are none).
 *
 * @example
 * ```ts
 * import { readFileSync } from "node:fs";
 * import { childrenOf } from "./safeXml.js";
 * const root = parseXml(readFileSync("examples/genius/nash-1950/bill.xml", "utf8"), "bill.xml");
 * const objective = childrenOf(childrenOf(root, "utility_space")[0]!, "objective")[0]!;
 * childrenOf(objective, "issue").length; // 9
 * childrenOf(objective, "nothing"); // []
 * ```
 */
export function childrenOf(el: XmlElement, tag: string): readonly XmlElement[] {
  return Object.prototype.hasOwnProperty.call(el.children, tag) ? el.children[tag]! : [];
}

/**
 * Escapes text for an XML attribute value; newline, carriage return and tab as character
 * references, which XML parsers keep (they turn the raw characters into spaces or newlines).
 *
 * @example
 * ```ts
 * import { xmlAttr } from "./safeXml.js";
 * xmlAttr('19" LCD & co'); // "19&quot; LCD &amp; co"
 * ```
 */
export function xmlAttr(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}
