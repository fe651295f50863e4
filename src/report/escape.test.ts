import { describe, expect, it } from "vitest";
import { htmlEscape, terminalSafe } from "./escape.ts";

describe("escaping untrusted AWS text", () => {
  it("neutralises terminal control sequences", () => {
    expect(terminalSafe("web\x1b]0;pwned\x07\x1b[2J")).toBe("web\\x1b]0;pwned\\x07\\x1b[2J");
    expect(terminalSafe("a\u202eb")).toBe("a\\u202eb");
    expect(terminalSafe("Ops & Infra 'core'")).toBe("Ops & Infra 'core'");
  });
  it("escapes HTML metacharacters", () => {
    expect(htmlEscape(`<img src=x onerror="alert(1)">'&`)).toBe(
      "&#60;img src=x onerror=&#34;alert(1)&#34;&#62;&#39;&#38;",
    );
  });
});
