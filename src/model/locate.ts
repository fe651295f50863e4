import { isCollection, LineCounter, parseDocument } from "yaml";
import type * as z from "zod/mini";

export type PathSegment = string | number;

/** `resources[12].props.cidrBlock` */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else out += out === "" ? String(seg) : `.${String(seg)}`;
  }
  return out === "" ? "(top level)" : out;
}

/** zod's message without its generic "Invalid input: " prefix. */
export function issueMessage(issue: z.core.$ZodIssue): string {
  return issue.message.replace(/^Invalid (input|option): /, "");
}

export interface Position {
  line: number;
  column: number;
}

/** Line and column (1-based) of a character offset. */
export function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * Where a path points inside a JSON or YAML text: the deepest node of the path that exists.
 * Only called on the error path, so re-parsing the text for positions costs nothing in a clean run.
 */
export function locatePath(
  text: string,
  path: readonly PropertyKey[],
  maxBytes = 64 * 1024 * 1024,
): Position | undefined {
  if (text.length > maxBytes) return undefined;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  let node: unknown = doc.contents;
  let found = node;
  for (const seg of path) {
    if (!isCollection(node)) break;
    const next = node.get(typeof seg === "symbol" ? String(seg) : seg, true);
    if (next === undefined) {
      // A missing key: point at its parent map; an unknown key: point at the key itself.
      break;
    }
    node = next;
    found = next;
  }
  const range = (found as { range?: [number, number, number] } | null)?.range;
  if (!range) return undefined;
  const pos = lineCounter.linePos(range[0]);
  return { line: pos.line, column: pos.col };
}

/**
 * The offset where a JSON text stops being valid, found by a small scanner. Only called after
 * JSON.parse has failed: V8's messages do not always carry a position. `atEnd` is true when the
 * text simply stops (a truncated file).
 */
export function jsonErrorOffset(text: string): { offset: number; atEnd: boolean } {
  let i = 0;
  const n = text.length;
  class Stop {
    constructor(readonly at: number) {}
  }
  const ws = () => {
    while (i < n && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t")) i++;
  };
  const fail = (): never => {
    throw new Stop(i);
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") {
          i++;
          return;
        } else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      if (!m) fail();
      i += m?.[0].length ?? 0;
    } else {
      for (const lit of ["true", "false", "null"]) {
        if (text.startsWith(lit, i)) {
          i += lit.length;
          return;
        }
      }
      fail();
    }
  };
  const string = (): void => {
    i++;
    while (i < n) {
      const c = text[i];
      if (c === "\\") i += 2;
      else if (c === '"') {
        i++;
        return;
      } else if (c !== undefined && c < " ") fail();
      else i++;
    }
    fail();
  };
  try {
    value();
    ws();
    if (i < n) fail();
    return { offset: n, atEnd: true };
  } catch (e) {
    if (e instanceof Stop) return { offset: Math.min(e.at, n), atEnd: e.at >= n };
    throw e;
  }
}
