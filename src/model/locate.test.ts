import { describe, expect, it } from "vitest";
import { formatPath, jsonErrorOffset, locatePath } from "./locate.ts";

describe("jsonErrorOffset", () => {
  it.each([
    ['{"a": 1, "b": }', 14, false],
    ['{"a": [1, 2', 11, true],
    ['{"a": "abc', 10, true],
    ['{"a": 1} x', 9, false],
    ['{"a": tru}', 6, false],
    ['{"a": 1}', 8, true],
  ])("%j fails at %i (at end: %s)", (text, offset, atEnd) => {
    expect(jsonErrorOffset(text)).toEqual({ offset, atEnd });
  });
});

describe("locatePath", () => {
  it("finds the line of a nested key in JSON", () => {
    const text = JSON.stringify({ resources: [{ id: "a" }, { id: "b", props: { cidrBlock: 1 } }] }, null, 2);
    const line = text.split("\n").findIndex((l) => l.includes("cidrBlock")) + 1;
    expect(locatePath(text, ["resources", 1, "props", "cidrBlock"])?.line).toBe(line);
  });
  it("formats paths like JavaScript accessors", () => {
    expect(formatPath(["resources", 12, "props", "cidrBlock"])).toBe("resources[12].props.cidrBlock");
  });
});
