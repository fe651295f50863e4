/**
 * Text from AWS (names, tag values) is user-written. In a terminal, control characters could move the
 * cursor, rewrite earlier lines or set the window title, so they are shown as \xNN / \uNNNN escapes.
 */
export function terminalSafe(s: string): string {
  // C0 controls except none, DEL, C1 controls, and the bidi overrides that can reorder what is shown.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this function's job.
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** For HTML and SVG text and attribute values. */
export function htmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
