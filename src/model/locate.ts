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
 * Where a path points inside a JSON text that parsed: the deepest node of the path that exists (a missing
 * key or index points at its parent). Only called on the error path; a scan of the text, not a parse, so
 * it needs no parser loaded at start-up and no memory beyond the text.
 */
export function locatePath(text: string, path: readonly PropertyKey[]): Position | undefined {
  const n = text.length;
  let i = 0;
  const ws = () => {
    while (i < n && /\s/.test(text.charAt(i))) i++;
  };
  const skipString = () => {
    for (i++; i < n; i++) {
      const c = text.charAt(i);
      if (c === "\\") i++;
      else if (c === '"') {
        i++;
        return;
      }
    }
  };
  const skipValue = () => {
    ws();
    const c = text.charAt(i);
    if (c === '"') return skipString();
    if (c !== "{" && c !== "[") {
      while (i < n && !/[\s,\]}]/.test(text.charAt(i))) i++;
      return;
    }
    let depth = 0;
    while (i < n) {
      const d = text.charAt(i);
      if (d === '"') {
        skipString();
        continue;
      }
      if (d === "{" || d === "[") depth++;
      else if ((d === "}" || d === "]") && --depth === 0) {
        i++;
        return;
      }
      i++;
    }
  };
  /** From an object's or array's opening bracket to the start of its member `seg`; false when it has none. */
  const enter = (seg: PropertyKey): boolean => {
    const open = text.charAt(i);
    if (open === "[") {
      const index = Number(seg);
      if (!Number.isInteger(index) || index < 0) return false;
      i++;
      for (let k = 0; ; k++) {
        ws();
        if (text.charAt(i) === "]" || i >= n) return false;
        if (k === index) return true;
        skipValue();
        ws();
        if (text.charAt(i) === ",") i++;
      }
    }
    if (open !== "{") return false;
    const key = String(seg);
    i++;
    for (;;) {
      ws();
      if (text.charAt(i) !== '"') return false;
      const start = i;
      skipString();
      const name = JSON.parse(text.slice(start, i)) as string;
      ws();
      i++; // the colon
      ws();
      if (name === key) return true;
      skipValue();
      ws();
      if (text.charAt(i) === ",") i++;
    }
  };
  ws();
  if (i >= n) return undefined;
  let found = i;
  for (const seg of path) {
    if (!enter(seg)) break;
    found = i;
  }
  return positionOf(text, found);
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
