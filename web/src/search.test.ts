import { describe, expect, it } from "vitest";
import { FIXTURES } from "../../fixtures/index.ts";
import { searchResources, searchScore } from "./search.ts";

describe("search", () => {
  const coursedog = FIXTURES.coursedog.build().resources;

  it("ranks names before tags before ids, and matches ids only by prefix", () => {
    const results = searchResources(coursedog, "db");
    // coursedog has no resource named or tagged "db": hex ids containing "db" do not count.
    for (const r of results) expect(searchScore(r, "db")).toBeGreaterThan(0);
    expect(results).toEqual([]);
    const redis = searchResources(coursedog, "redis");
    expect(redis.length).toBeGreaterThan(0);
    expect(
      redis.every(
        (r) =>
          (r.name ?? "").toLowerCase().includes("redis") ||
          Object.values(r.tags).some((v) => v.toLowerCase().includes("redis")),
      ),
    ).toBe(true);
    const first = redis[0];
    const scores = redis.map((r) => searchScore(r, "redis"));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(
      first?.name?.toLowerCase().startsWith("redis") || first?.name?.toLowerCase().includes("redis"),
    ).toBe(true);
  });

  it("finds a resource by the start of its id", () => {
    const vpc = coursedog.find((r) => r.type === "AWS::EC2::VPC");
    const tail = vpc?.id.split("/").pop() ?? "";
    expect(searchResources(coursedog, tail.slice(0, 9)).map((r) => r.id)).toContain(vpc?.id);
    // The middle of an id is no match.
    expect(searchResources(coursedog, tail.slice(5, 12)).map((r) => r.id)).not.toContain(vpc?.id);
  });
});
