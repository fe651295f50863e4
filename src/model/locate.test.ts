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
  it("skips strings holding brackets, quotes and escapes, and nested lists, on the way", () => {
    const text = [
      "{",
      '  "tags": {"a\\"}": "[{", "b": "x\\\\"},',
      '  "list": [[1, [2, 3]], {"k": "]"}, true, null, -1.5e3],',
      '  "target": {"deep": [0, 1, {"here": "yes"}]}',
      "}",
    ].join("\n");
    expect(JSON.parse(text)).toBeTruthy();
    const at = (line: number, needle: string) => ({
      line,
      column: (text.split("\n")[line - 1] ?? "").indexOf(needle) + 1,
    });
    expect(locatePath(text, ["target", "deep", 2, "here"])).toEqual(at(4, '"yes"'));
    expect(locatePath(text, ["list", 4])).toEqual(at(3, "-1.5e3"));
    expect(locatePath(text, ["list", 1, "k"])).toEqual(at(3, '"]"'));
    expect(locatePath(text, ["tags", "b"])).toEqual(at(2, '"x'));
  });
  it("points at the deepest part of the path that exists: the parent of a missing key or index", () => {
    const text = '{\n  "a": {\n    "b": [1, 2]\n  }\n}';
    expect(locatePath(text, ["a", "missing"])).toEqual({ line: 2, column: 8 });
    expect(locatePath(text, ["a", "b", 5])).toEqual({ line: 3, column: 10 });
    expect(locatePath(text, ["a", "b", "x"])).toEqual({ line: 3, column: 10 });
    expect(locatePath(text, [])).toEqual({ line: 1, column: 1 });
    expect(locatePath("   ", ["a"])).toBeUndefined();
  });
  it("formats paths like JavaScript accessors", () => {
    expect(formatPath(["resources", 12, "props", "cidrBlock"])).toBe("resources[12].props.cidrBlock");
  });
});
