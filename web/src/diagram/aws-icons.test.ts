import { describe, expect, it } from "vitest";
import { generate, parseIcon } from "../../../scripts/icons.ts";
import { AWS_ICONS } from "./aws-icons.generated.ts";
import { ICON_FILES } from "./icon-files.ts";
import { KINDS } from "./kinds.ts";
import { GROUP_STYLES, SUBNET_STYLES } from "./styles.ts";

describe("the bundled AWS Architecture Icons", () => {
  it("are the aws-icons package's files, exactly the ones listed (npm run icons regenerates them)", () => {
    const fresh = JSON.parse(/AWS_ICONS: Record<string, IconTree> = (.*);\n$/s.exec(generate())?.[1] ?? "{}");
    expect(AWS_ICONS).toEqual(fresh);
    expect(Object.keys(AWS_ICONS).sort()).toEqual(Object.keys(ICON_FILES).sort());
  });

  it("cover every icon the draw table and the group styles name", () => {
    const used = [
      ...Object.values(KINDS).map((k) => k.icon),
      ...Object.values(GROUP_STYLES).flatMap((s) => (s.icon ? [s.icon] : [])),
      ...Object.values(SUBNET_STYLES).flatMap((s) => (s.icon ? [s.icon] : [])),
      "generic",
    ];
    for (const k of used) expect(AWS_ICONS[k], k).toBeDefined();
  });

  it("refuses an SVG with anything but shapes (no text, scripts or links get bundled)", () => {
    expect(() => parseIcon('<svg viewBox="0 0 1 1"><script>alert(1)</script></svg>', "x.svg")).toThrow(
      /script/,
    );
    expect(() => parseIcon('<svg viewBox="0 0 1 1"><path onload="x" d="M0 0"/></svg>', "x.svg")).toThrow(
      /onload/,
    );
  });
});
