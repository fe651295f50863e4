import { describe, expect, it } from "vitest";
import { middleEllipsis, wrapName } from "./labels.ts";

describe("card names", () => {
  it.each([
    ["short", 20, ["short"]],
    ["coursedog-production-app", 20, ["coursedog-production", "-app"]],
    ["status-page-redis-001", 20, ["status-page-redis-", "001"]],
    [
      "coursedog-production-elasticbeanstalk-environment-2",
      20,
      ["coursedog-production", "…stalk-environment-2"],
    ],
    ["abcdefghijklmnopqrstuvwxyz0123456789", 20, ["abcdefghijklmnopqrst", "uvwxyz0123456789"]],
  ])("%s in lines of %d", (name, n, lines) => {
    const got = wrapName(name, n);
    expect(got).toEqual(lines);
    for (const l of got) expect(l.length).toBeLessThanOrEqual(n);
  });

  it("keeps the distinguishing end of names that differ only there", () => {
    const a = wrapName("coursedog-production-elasticbeanstalk-app-a", 20);
    const b = wrapName("coursedog-production-elasticbeanstalk-app-b", 20);
    expect(a).not.toEqual(b);
    expect(middleEllipsis("coursedog-production-redis-001", 16)).toBe("coursed…edis-001");
  });
});
