import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { type Command, InvalidArgumentError, Option } from "commander";
import { loadScenario } from "../../files/loadScenario.js";
import { writeFileAtomic } from "../../files/writeFileAtomic.js";
import { TreatylabError } from "../../model/errors.js";
import type { Scenario } from "../../model/types.js";
import type { CliContext } from "../context.js";
import { writesFormat } from "../outFormat.js";

/**
 * Where the built page is, relative to this module: once bundled into dist/cli/program.cjs, or in
 * src/cli/commands/ when run from the sources (tests).
 */
const PAGE_CANDIDATES = ["../explorer/explorer.html", "../../../dist/explorer/explorer.html"];
const SCENARIO_SLOT = '<script id="treatylab-scenario" type="application/json">null</script>';

async function readPage(): Promise<string> {
  for (const rel of PAGE_CANDIDATES) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return readFile(file, "utf8");
  }
  throw new TreatylabError(
    "the explorer page is not built (dist/explorer/explorer.html is missing); run `npm run build` in the treatylab folder",
  );
}

/**
 * The explorer page with a scenario embedded: the page opens it first (its own built-ins stay
 * available). The JSON is escaped so that no `</script>` can end the element early.
 *
 * @example
 * ```ts
 * import { explorerHtml } from "./explore.js";
 * const page = '<script id="treatylab-scenario" type="application/json">null</script>'; // the built page's slot
 * explorerHtml(page, builtinScenario("nash-1950")).slice(56, 72); // '{"id":"nash-1950'
 * ```
 */
export function explorerHtml(page: string, scenario: Scenario): string {
  if (!page.includes(SCENARIO_SLOT))
    throw new TreatylabError("the built explorer page has no scenario slot; rebuild it with `npm run build`");
  const json = JSON.stringify(scenario)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return page.replace(SCENARIO_SLOT, () => `<script id="treatylab-scenario" type="application/json">${json}</script>`);
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError(`"${value}" is not a port number (0-65535; 0 picks a free one)`);
  return n;
}

/** Opens a URL in the system's browser; a failure only prints where to go. */
function openBrowser(url: string, ctx: CliContext): void {
  const [cmd, args] =
    process.platform === "darwin"
      ? ["open", [url]]
      : process.platform === "win32"
        ? ["cmd", ["/c", "start", "", url]]
        : ["xdg-open", [url]];
  try {
    const child = spawn(cmd, args, { stdio: "ignore", detached: true });
    child.on("error", () => ctx.stderr(`could not open a browser (${cmd}); open ${url} yourself\n`));
    child.unref();
  } catch {
    ctx.stderr(`could not open a browser; open ${url} yourself\n`);
  }
}

/** Serves the page on 127.0.0.1 until SIGINT or SIGTERM; resolves when the server has closed. */
function serve(html: string, requested: number, open: boolean, ctx: CliContext): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer((req, res) => {
      const path = (req.url ?? "/").split(/[?#]/)[0];
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD" }).end();
      } else if (path === "/" || path === "/index.html" || path === "/explorer.html") {
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        });
        res.end(req.method === "HEAD" ? undefined : html);
      } else if (path === "/favicon.ico") {
        res.writeHead(204).end();
      } else {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("not found: the explorer is at /\n");
      }
    });
    server.on("error", (err: NodeJS.ErrnoException) => {
      reject(
        err.code === "EADDRINUSE"
          ? new TreatylabError(
              `port ${requested} on 127.0.0.1 is in use; choose another with --port <n> (0 picks a free one)`,
            )
          : new TreatylabError(`could not start the explorer's server: ${err.message}`),
      );
    });
    server.listen(requested, "127.0.0.1", () => {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      ctx.stdout(`treatylab explorer at ${url} (Ctrl+C to stop)\n`);
      if (open) openBrowser(url, ctx);
      const stop = (): void => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        server.close(() => resolve());
        server.closeAllConnections();
      };
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    });
  });
}

/**
 * Registers `treatylab explore <scenario>`: the interactive explorer in the browser, served on
 * 127.0.0.1 (`--port`, `--no-open`), or written as one self-contained offline file (`--out`).
 *
 * @example
 * ```ts
 * import { Command } from "commander";
 * import { registerExplore } from "./explore.js";
 * const program = new Command();
 * registerExplore(program, { stdout: () => {}, stderr: () => {}, isTTY: false, columns: 80 });
 * program.commands[0]!.options.map((o) => o.long); // ["--port", "--no-open", "--out"]
 * ```
 */
export function registerExplore(program: Command, ctx: CliContext): void {
  program
    .command("explore")
    .description("open the interactive explorer in the browser: move an assumption, watch the settlement space move")
    .argument("[scenario]", "a scenario JSON file, a GENIUS folder or a built-in id", "ukraine-2025")
    .addOption(new Option("--port <n>", "port on 127.0.0.1 (0 picks a free one)").argParser(port).default(8787))
    .option("--no-open", "do not open a browser (print the address only)")
    .addOption(
      writesFormat(
        new Option("-o, --out <file>", "write one self-contained HTML file that works offline, instead of serving"),
        "html",
      ),
    )
    .addHelpText(
      "after",
      `
The page computes everything in the browser (a Web Worker); it makes no network request.
Its edits export as a file that --edits takes: treatylab compare <scenario> --edits <file>.

Examples:
  $ treatylab explore ukraine-2025
  $ treatylab explore my-scenario.json --port 9000 --no-open
  $ treatylab explore ukraine-2025 --out explorer.html`,
    )
    .action(async (ref: string, opts: { port: number; open: boolean; out?: string }) => {
      const scenario = await loadScenario(ref);
      const html = explorerHtml(await readPage(), scenario);
      if (opts.out === "-") return ctx.stdout(html);
      if (opts.out) {
        await writeFileAtomic(opts.out, html);
        ctx.stderr(`wrote ${opts.out}\n`);
        return;
      }
      await serve(html, opts.port, opts.open, ctx);
    });
}
