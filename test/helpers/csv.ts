/**
 * A strict RFC 4180 parser for tests: fields separated by commas, records by LF or CRLF; a field
 * is either unquoted (no comma, quote, CR or LF) or quoted ("..." with "" for a quote inside).
 * Anything else (a quote inside an unquoted field, text after a closing quote, an unterminated
 * quote) throws, naming the record and field. One trailing line break is allowed.
 *
 * @example
 * ```ts
 * parseCsv('a,b\n1,"x, ""y"""'); // [["a", "b"], ["1", 'x, "y"']]
 * ```
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let i = 0;
  const where = (): string => `record ${records.length + 1}, field ${record.length + 1}`;
  const body = text.endsWith("\r\n") ? text.slice(0, -2) : text.endsWith("\n") ? text.slice(0, -1) : text;
  if (body === "") return [];
  for (;;) {
    let field = "";
    if (body[i] === '"') {
      i++;
      for (;;) {
        if (i >= body.length) throw new Error(`CSV ${where()}: unterminated quoted field`);
        if (body[i] === '"') {
          if (body[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += body[i++];
      }
      if (i < body.length && body[i] !== "," && body[i] !== "\n" && !body.startsWith("\r\n", i))
        throw new Error(`CSV ${where()}: text after the closing quote`);
    } else {
      while (i < body.length && body[i] !== "," && body[i] !== "\n" && body[i] !== "\r") {
        if (body[i] === '"') throw new Error(`CSV ${where()}: a quote inside an unquoted field`);
        field += body[i++];
      }
      if (body[i] === "\r" && body[i + 1] !== "\n")
        throw new Error(`CSV ${where()}: a bare CR inside an unquoted field`);
    }
    record.push(field);
    if (i >= body.length) {
      records.push(record);
      return records;
    }
    if (body[i] === ",") i++;
    else {
      i += body[i] === "\r" ? 2 : 1;
      records.push(record);
      record = [];
    }
  }
}

/**
 * Parses CSV strictly and checks that it is one rectangular table: a header, no empty record,
 * every record with the header's number of fields, no empty or repeated column name. Returns
 * the header and the rows; throws naming the first offending record.
 *
 * @example
 * ```ts
 * rectangularCsv("a,b\n1,2").rows; // [["1", "2"]]
 * ```
 */
export function rectangularCsv(text: string): { header: string[]; rows: string[][] } {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error("CSV: no header");
  header.forEach((h, k) => {
    if (h === "") throw new Error(`CSV header: column ${k + 1} has no name`);
    if (header.indexOf(h) !== k) throw new Error(`CSV header: column "${h}" is repeated`);
  });
  rows.forEach((r, k) => {
    if (r.length !== header.length)
      throw new Error(
        `CSV record ${k + 2}: ${r.length} field(s), the header has ${header.length}: ${JSON.stringify(r)}`,
      );
  });
  return { header, rows };
}
