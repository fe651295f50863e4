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
  const c = new JsonCursor(text);
  /** From an object's or array's opening bracket to the start of its member `seg`; false when it has none. */
  const enter = (seg: PropertyKey): boolean => {
    const open = text[c.at];
    if (open === "[") {
      const index = Number(seg);
      if (!Number.isInteger(index) || index < 0) return false;
      c.at++;
      for (let k = 0; ; k++) {
        c.ws();
        if (text[c.at] === "]" || c.at >= text.length) return false;
        if (k === index) return true;
        c.value();
        c.ws();
        if (text[c.at] === ",") c.at++;
      }
    }
    if (open !== "{") return false;
    const key = String(seg);
    c.at++;
    for (;;) {
      c.ws();
      if (text[c.at] !== '"') return false;
      const start = c.at;
      c.string();
      const name = JSON.parse(text.slice(start, c.at)) as string;
      c.ws();
      c.at++; // the colon
      c.ws();
      if (name === key) return true;
      c.value();
      c.ws();
      if (text[c.at] === ",") c.at++;
    }
  };
  c.ws();
  if (c.at >= text.length) return undefined;
  let found = c.at;
  try {
    for (const seg of path) {
      if (!enter(seg)) break;
      found = c.at;
    }
  } catch (e) {
    // Not JSON after all past this point: the deepest node found so far is the answer.
    if (!(e instanceof JsonStop)) throw e;
  }
  return positionOf(text, found);
}

/**
 * The offset where a JSON text stops being valid, found by a small scanner. Only called after
 * JSON.parse has failed: V8's messages do not always carry a position. `atEnd` is true when the
 * text simply stops (a truncated file).
 */
export function jsonErrorOffset(text: string): { offset: number; atEnd: boolean } {
  const c = new JsonCursor(text);
  const n = text.length;
  try {
    c.value();
    c.ws();
    if (c.at < n) c.fail();
    return { offset: n, atEnd: true };
  } catch (e) {
    if (e instanceof JsonStop) return { offset: Math.min(e.at, n), atEnd: e.at >= n };
    throw e;
  }
}

/** Where a JSON text stops being valid. */
class JsonStop {
  constructor(readonly at: number) {}
}

/** A position in a JSON text, moved over whitespace, values and strings; JsonStop where the text is not JSON. */
class JsonCursor {
  at = 0;
  constructor(private readonly text: string) {}

  fail(): never {
    throw new JsonStop(this.at);
  }

  ws(): void {
    const t = this.text;
    while (
      this.at < t.length &&
      (t[this.at] === " " || t[this.at] === "\n" || t[this.at] === "\r" || t[this.at] === "\t")
    )
      this.at++;
  }

  /** Over one value, from the whitespace before it. */
  value(): void {
    const t = this.text;
    this.ws();
    const c = t[this.at];
    if (c === "{") {
      this.at++;
      this.ws();
      if (t[this.at] === "}") {
        this.at++;
        return;
      }
      for (;;) {
        this.ws();
        if (t[this.at] !== '"') this.fail();
        this.string();
        this.ws();
        if (t[this.at] !== ":") this.fail();
        this.at++;
        this.value();
        this.ws();
        if (t[this.at] === ",") this.at++;
        else if (t[this.at] === "}") {
          this.at++;
          return;
        } else this.fail();
      }
    } else if (c === "[") {
      this.at++;
      this.ws();
      if (t[this.at] === "]") {
        this.at++;
        return;
      }
      for (;;) {
        this.value();
        this.ws();
        if (t[this.at] === ",") this.at++;
        else if (t[this.at] === "]") {
          this.at++;
          return;
        } else this.fail();
      }
    } else if (c === '"') this.string();
    else if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(t.slice(this.at, this.at + 400));
      if (!m) this.fail();
      this.at += m?.[0].length ?? 0;
    } else {
      for (const lit of ["true", "false", "null"]) {
        if (t.startsWith(lit, this.at)) {
          this.at += lit.length;
          return;
        }
      }
      this.fail();
    }
  }

  /** Over one string, from its opening quote. */
  string(): void {
    const t = this.text;
    this.at++;
    while (this.at < t.length) {
      const c = t[this.at];
      if (c === "\\") this.at += 2;
      else if (c === '"') {
        this.at++;
        return;
      } else if (c !== undefined && c < " ") this.fail();
      else this.at++;
    }
    this.fail();
  }
}
