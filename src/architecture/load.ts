import { closest, distance } from "fastest-levenshtein";
import { type Document, isMap, isPair, isScalar, LineCounter, parseDocument, visit } from "yaml";
import type * as z from "zod/mini";
import { InputError, readInputFile } from "../model/errors.ts";
import { formatPath, issueMessage } from "../model/locate.ts";
import type { Resource } from "../model/snapshot.ts";
import { Spec, type Tier } from "./schema.ts";
import { matchesSelector } from "./select.ts";

/** A validated spec plus where each part of it came from, so findings and errors can point at a line. */
export interface LoadedSpec {
  spec: Spec;
  file: string;
  /** 1-based line of the node at a path (e.g. ["tiers", "app"]), if present in the file. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** 1-based line of the i-th waiver, whichever form `waivers:` takes (a list, or `{ maxDays, list }`). */
  waiverLine(i: number): number | undefined;
  /** Names of the tiers whose selector matches the resource, in spec order. */
  tiersOf(r: Resource): string[];
  /** The resource's environment (the value of the environment tag), if the spec names one. */
  environmentOf(r: Resource): string | undefined;
}

/** What the spec is checked against beyond its own schema; the caller knows the rules, the spec does not. */
export interface SpecOptions {
  /** Rule ids that exist: waivers and `rules:` entries naming another are errors (with "did you mean"). */
  knownRules?: readonly string[];
  /** The day waivers are judged at (their maximum length counts from it). */
  now?: Date;
  /** A cap on waivers from outside the spec (`check --max-waiver-days`); the stricter of it and `waivers.maxDays` holds. */
  maxWaiverDays?: number;
}

const SPEC_FIX =
  "Pass --spec the path of an architecture.yaml; `asbuilt init <snapshot>` drafts one, and each fixture has an example (fixtures/<name>/architecture.yaml).";

export async function loadSpec(file: string, opts: SpecOptions = {}): Promise<LoadedSpec> {
  const text = await readInputFile(file, "spec", SPEC_FIX);
  return parseSpec(text, file, opts);
}

export function parseSpec(text: string, file: string, opts: SpecOptions = {}): LoadedSpec {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const pos = lineCounter.linePos(syntax.pos[0]);
    throw new InputError(
      `the spec is not valid YAML: ${syntax.message.split("\n")[0]}`,
      { file, line: pos.line, column: pos.col },
      "Fix the YAML syntax there (indentation with spaces, a space after each colon, quotes around values with special characters).",
    );
  }
  if (doc.contents === null) {
    throw new InputError(
      text.trim() === "" ? "the spec file is empty." : "the spec file has only comments, no settings.",
      { file },
      `A spec needs at least its name (name: my-system), and tiers, flows and waivers to check anything; \`asbuilt init <snapshot>\` drafts one from a snapshot, and docs/spec.md describes the format.`,
    );
  }
  const data = toData(doc, lineCounter, file);
  if (typeof data !== "object" || data === null || Array.isArray(data)) {
    throw new InputError(
      `the spec is a YAML ${Array.isArray(data) ? "list" : "single value"}, not a map of settings.`,
      { file, line: 1, column: 1 },
      "A spec is a map at the top level: name:, then environments:, tags:, tiers:, flows:, waivers:, rules: (docs/spec.md).",
    );
  }
  // A spec is small: zod generating its validators would cost more than they save (see io.ts).
  const parsed = Spec.safeParse(data, { jitless: true });
  if (!parsed.success) {
    const issues = flattenUnions(parsed.error.issues);
    const lines = issues.slice(0, 20).map((i) => describeIssue(doc, lineCounter, file, i));
    const first = issues[0] && locate(doc, lineCounter, issues[0]);
    throw new InputError(
      `the spec has ${issues.length} problem${issues.length === 1 ? "" : "s"}:`,
      { file, ...(first ?? {}) },
      "The format is documented in docs/spec.md; schema/architecture.schema.json gives editors autocompletion.",
      lines,
    );
  }
  const spec = parsed.data;
  const waiverPath = (i: number): (string | number)[] =>
    Array.isArray((data as { waivers?: unknown }).waivers) ? ["waivers", i] : ["waivers", "list", i];
  const problems = crossCheck(spec, opts, waiverPath);
  if (problems.length > 0) {
    const lines = problems.map((p) => {
      const pos = nodePos(doc, lineCounter, p.path);
      return `${file}:${pos ? `${pos.line}:${pos.column}` : "?"}: ${formatPath(p.path)}: ${p.message}`;
    });
    const first = problems[0] && nodePos(doc, lineCounter, problems[0].path);
    throw new InputError(
      `the spec has ${problems.length} problem${problems.length === 1 ? "" : "s"}:`,
      { file, ...(first ?? {}) },
      "Fix each one as it says; rule ids are listed in docs/rules.md, tiers are those defined under `tiers:`.",
      lines,
    );
  }
  const tierEntries = Object.entries(spec.tiers) as [string, Tier][];
  const envTag = spec.environments?.tag;
  return {
    spec,
    file,
    lineOf: (path) => nodePos(doc, lineCounter, path)?.line,
    waiverLine: (i) => nodePos(doc, lineCounter, waiverPath(i))?.line,
    tiersOf: (r) => tierEntries.filter(([, t]) => matchesSelector(r, t.select)).map(([name]) => name),
    environmentOf: (r) => (envTag === undefined ? undefined : r.tags[envTag]),
  };
}

/** The document as plain data; an alias to no anchor, or too many aliases, is the user's YAML to fix. */
function toData(doc: Document, lc: LineCounter, file: string): unknown {
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (!(err instanceof Error)) throw err;
    const tooMany = /alias count/i.test(err.message);
    let at: { line: number; column: number; name: string } | undefined;
    visit(doc, {
      Alias(_, node) {
        if (!node.range || (!tooMany && node.resolve(doc) !== undefined)) return;
        const p = lc.linePos(node.range[0]);
        at = { line: p.line, column: p.col, name: node.source };
        return visit.BREAK;
      },
    });
    throw new InputError(
      tooMany
        ? "the spec's YAML expands aliases too many times (more than 100): it would grow without bound."
        : `the spec's YAML has an alias${at ? ` (*${JSON.stringify(at.name).slice(1, -1)})` : ""} to no anchor defined before it.`,
      { file, ...(at ? { line: at.line, column: at.column } : {}) },
      "Define each anchor (&name) before an alias (*name) uses it, and keep aliases few (at most 100 expansions).",
    );
  }
}

type Problem = { path: (string | number)[]; message: string };

/** What the schema alone cannot check: references to tiers and rules, and how long waivers run. */
function crossCheck(
  spec: Spec,
  opts: SpecOptions,
  waiverPath: (i: number) => (string | number)[],
): Problem[] {
  const tiers = new Set(Object.keys(spec.tiers));
  const out: Problem[] = [];
  spec.flows.forEach((f, i) => {
    for (const end of ["from", "to"] as const) {
      if (f[end] !== "internet" && !tiers.has(f[end])) {
        out.push({
          path: ["flows", i, end],
          message: `"${f[end]}" is not a tier; allowed: internet, ${[...tiers].join(", ") || "(no tiers defined)"}`,
        });
      }
    }
  });
  const known = opts.knownRules;
  if (known) {
    const unknownRule = (id: string) => {
      const guess = closest(id, [...known]);
      const near = guess !== undefined && distance(id, guess) <= Math.max(2, Math.floor(id.length / 4));
      return `no rule is called "${id}"${near ? `; did you mean "${guess}"?` : " (docs/rules.md lists them)"}`;
    };
    spec.waivers.list.forEach((w, i) => {
      if (w.rule !== "*" && !known.includes(w.rule))
        out.push({ path: [...waiverPath(i), "rule"], message: unknownRule(w.rule) });
    });
    for (const id of Object.keys(spec.rules))
      if (!known.includes(id)) out.push({ path: ["rules", id], message: unknownRule(id) });
  }
  const caps = [spec.waivers.maxDays, opts.maxWaiverDays].filter((d): d is number => d !== undefined);
  if (caps.length > 0) {
    const max = Math.min(...caps);
    const from = opts.now ?? new Date();
    const today = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
    const source =
      opts.maxWaiverDays === max && spec.waivers.maxDays !== max ? "--max-waiver-days" : "waivers.maxDays";
    spec.waivers.list.forEach((w, i) => {
      const days = Math.round((Date.parse(`${w.expires}T00:00:00Z`) - today) / 86_400_000);
      if (days > max)
        out.push({
          path: [...waiverPath(i), "expires"],
          message: `${w.expires} is ${days} days away; ${source} allows waivers of at most ${max} days (until ${new Date(today + max * 86_400_000).toISOString().slice(0, 10)})`,
        });
    });
  }
  return out;
}

/**
 * A union's failure as the issues of the branch the input was meant for: `waivers:` is a list or a map,
 * and a missing `expires` in the list should read as that, not as "invalid input".
 */
function flattenUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== "invalid_union") return [issue];
    const deeper = issue.errors.filter(
      (branch) => !branch.every((i) => i.path.length === 0 && i.code === "invalid_type"),
    );
    const [only] = deeper;
    if (deeper.length !== 1 || !only) return [issue];
    return flattenUnions(only.map((i) => ({ ...i, path: [...issue.path, ...i.path] })));
  });
}

function describeIssue(doc: Document, lc: LineCounter, file: string, issue: z.core.$ZodIssue): string {
  const pos = locate(doc, lc, issue);
  const where = `${file}:${pos ? `${pos.line}:${pos.column}` : "?"}`;
  if (issue.code === "unrecognized_keys") {
    const allowed = allowedKeysAt(issue.path);
    return `${where}: ${formatPath([...issue.path, issue.keys[0] ?? ""])}: unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}${allowed ? `; allowed here: ${allowed.join(", ")}` : ""}`;
  }
  return `${where}: ${formatPath(issue.path)}: ${issueMessage(issue)}`;
}

function locate(
  doc: Document,
  lc: LineCounter,
  issue: z.core.$ZodIssue,
): { line: number; column: number } | undefined {
  if (issue.code === "unrecognized_keys" && issue.keys[0] !== undefined) {
    return nodePos(doc, lc, [...issue.path, issue.keys[0]], true) ?? nodePos(doc, lc, issue.path);
  }
  return nodePos(doc, lc, issue.path);
}

/** Position of the node at `path`, or of its deepest existing ancestor; `keyNode` points at the key rather than the value. */
function nodePos(
  doc: Document,
  lc: LineCounter,
  path: readonly PropertyKey[],
  keyNode = false,
): { line: number; column: number } | undefined {
  let node: unknown = doc.contents;
  let best: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (!isMap(node) && !(node && typeof node === "object" && "items" in node)) break;
    if (keyNode && i === path.length - 1 && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === seg);
      if (pair && isScalar(pair.key)) best = pair.key;
      break;
    }
    const next = (node as unknown as { get(k: unknown, keep: boolean): unknown }).get(seg, true);
    if (next === undefined) break;
    node = next;
    best = next;
  }
  const range = (best as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  const p = lc.linePos(range[0]);
  return { line: p.line, column: p.col };
}

/** The keys the schema allows at an object path, for "allowed here" hints. */
function allowedKeysAt(path: readonly PropertyKey[]): string[] | undefined {
  // Walk the zod schema along the path; records and arrays consume one segment.
  let schema: z.ZodMiniType = Spec;
  for (const seg of path) {
    schema = unwrap(schema);
    const d = (
      schema as unknown as {
        def: {
          type: string;
          shape?: Record<string, z.ZodMiniType>;
          valueType?: z.ZodMiniType;
          element?: z.ZodMiniType;
        };
      }
    ).def;
    if (d.type === "object" && d.shape) {
      const next = d.shape[String(seg)];
      if (!next) return undefined;
      schema = next;
    } else if (d.type === "record" && d.valueType) schema = d.valueType;
    else if (d.type === "array" && d.element) schema = d.element;
    else return undefined;
  }
  const d = (unwrap(schema) as unknown as { def: { type: string; shape?: Record<string, unknown> } }).def;
  return d.type === "object" && d.shape ? Object.keys(d.shape) : undefined;
}

function unwrap(schema: z.ZodMiniType): z.ZodMiniType {
  let s = schema as unknown as { def: { type: string; innerType?: z.ZodMiniType; in?: z.ZodMiniType } };
  for (let i = 0; i < 10; i++) {
    if (
      (s.def.type === "optional" || s.def.type === "default" || s.def.type === "nullable") &&
      s.def.innerType
    )
      s = s.def.innerType as unknown as typeof s;
    else if (s.def.type === "pipe" && s.def.in) s = s.def.in as unknown as typeof s;
    else break;
  }
  return s as unknown as z.ZodMiniType;
}
