import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { FIXTURES } from "../../fixtures/index.ts";
import { checkChaos, drawChaos } from "./chaos.ts";
import { accessKeyFor, type Endpoint, startEndpoint } from "./server.ts";
import { ec2Handler } from "./services/ec2.ts";
import type { ChaosFault, Fault } from "./types.ts";

const mix = (seed: string | number, service?: string): ChaosFault => ({
  kind: "chaos",
  seed,
  ...(service ? { service } : {}),
  rates: { throttle: 0.2, "server-error": 0.05, reset: 0.02, timeout: 0.01, truncate: 0.03 },
});

describe("drawChaos", () => {
  const keys = Array.from({ length: 20_000 }, (_, i) => `ec2\0DescribeVpcs\0page ${i}`);

  it("draws the same faults for the same seed, request and arrival, whatever the order requests come in", () => {
    const forward = keys.map((k) => drawChaos([mix(7)], "ec2", k, 0)?.kind);
    const backward = [...keys]
      .reverse()
      .map((k) => drawChaos([mix(7)], "ec2", k, 0)?.kind)
      .reverse();
    expect(backward).toEqual(forward);
    // A retry of the same request is a new draw, and another seed faults other requests.
    expect(keys.map((k) => drawChaos([mix(7)], "ec2", k, 1)?.kind)).not.toEqual(forward);
    expect(keys.map((k) => drawChaos([mix(8)], "ec2", k, 0)?.kind)).not.toEqual(forward);
  });

  it("injects each fault at its rate", () => {
    const counts = new Map<string, number>();
    for (const k of keys) {
      const kind = drawChaos([mix("rates")], "ec2", k, 0)?.kind ?? "none";
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    const share = (kind: string) => (counts.get(kind) ?? 0) / keys.length;
    // 20,000 draws: a standard deviation under 0.3 points for each of these rates.
    expect(share("throttle")).toBeCloseTo(0.2, 1);
    expect(Math.abs(share("server-error") - 0.05)).toBeLessThan(0.01);
    expect(Math.abs(share("reset") - 0.02)).toBeLessThan(0.005);
    expect(Math.abs(share("timeout") - 0.01)).toBeLessThan(0.005);
    expect(Math.abs(share("truncate") - 0.03)).toBeLessThan(0.005);
    expect(Math.abs(share("none") - 0.69)).toBeLessThan(0.015);
  });

  it("applies the first chaos fault whose service matches, and none to other services", () => {
    const faults: Fault[] = [
      { kind: "chaos", seed: 1, service: "s3", rates: { reset: 1 } },
      { kind: "chaos", seed: 1, rates: { throttle: 1 } },
    ];
    expect(drawChaos(faults, "s3", "k", 0)?.kind).toBe("reset");
    expect(drawChaos(faults, "ec2", "k", 0)?.kind).toBe("throttle");
    expect(drawChaos([mix(1, "s3")], "ec2", "k", 0)).toBeUndefined();
  });

  it("rejects rates no test could mean", () => {
    expect(() => checkChaos([{ kind: "chaos", seed: 1, rates: { throttle: 0.7, reset: 0.4 } }])).toThrow(
      /add up to 1.1/,
    );
    expect(() => checkChaos([{ kind: "chaos", seed: 1, rates: { throttle: -0.1 } }])).toThrow(/0 to 1/);
    expect(() =>
      checkChaos([{ kind: "chaos", seed: 1, rates: { slow: 0.1 } as ChaosFault["rates"] }]),
    ).toThrow(/unknown fault "slow"/);
  });
});

describe("chaos on the wire", () => {
  let endpoint: Endpoint | undefined;
  afterEach(async () => {
    await endpoint?.close();
    endpoint = undefined;
  });

  /** One EC2 DescribeVpcs as the SDK would send it (the endpoint reads only the credential scope). */
  function describeVpcs(url: string, timeoutMs?: number) {
    return new Promise<{ status?: number; declared: number; received: number; error?: string }>((resolve) => {
      const body = "Action=DescribeVpcs&Version=2016-11-15";
      let status: number | undefined;
      let declared = -1;
      let received = 0;
      const req = request(
        `${url}/`,
        {
          method: "POST",
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyFor("123456789012")}/20260101/us-east-2/ec2/aws4_request, SignedHeaders=host, Signature=0`,
          },
        },
        (res) => {
          status = res.statusCode;
          declared = Number(res.headers["content-length"] ?? -1);
          res.on("data", (c: Buffer) => {
            received += c.length;
          });
          res.on("end", () => resolve({ status, declared, received }));
          res.on("error", (e) => resolve({ status, declared, received, error: e.message }));
        },
      );
      req.on("error", (e: NodeJS.ErrnoException) =>
        resolve({ status, declared, received, error: e.code ?? e.message }),
      );
      if (timeoutMs) req.setTimeout(timeoutMs, () => req.destroy(new Error("client timeout")));
      req.end(body);
    });
  }

  const serve = async (fault: ChaosFault) => {
    endpoint = await startEndpoint({
      snapshot: FIXTURES.coursedog.build(),
      services: [ec2Handler],
      faults: [fault],
    });
    return endpoint.url;
  };

  it("answers in full without faults", async () => {
    const r = await describeVpcs(await serve({ kind: "chaos", seed: 1, rates: {} }));
    expect(r.status).toBe(200);
    expect(r.received).toBe(r.declared);
    expect(r.received).toBeGreaterThan(100);
  });

  it("resets the connection before any byte of the answer", async () => {
    const r = await describeVpcs(await serve({ kind: "chaos", seed: 1, rates: { reset: 1 } }));
    expect(r).toEqual({ declared: -1, received: 0, error: "ECONNRESET" });
    expect(endpoint?.injected).toEqual(new Map([["ec2:reset", 1]]));
  });

  it("announces the whole body and closes the connection halfway through it", async () => {
    const r = await describeVpcs(await serve({ kind: "chaos", seed: 1, rates: { truncate: 1 } }));
    expect(r.status).toBe(200);
    expect(r.error).toBe("aborted");
    expect(r.received).toBe(Math.floor(r.declared / 2));
  });

  it.each(["headers", "body"] as const)(
    "holds the answer at its %s until the client gives up",
    async (stallAt) => {
      const url = await serve({ kind: "chaos", seed: 1, rates: { timeout: 1 }, stallAt, stallMs: 600_000 });
      const r = await describeVpcs(url, 200);
      expect(r.error).toBe("client timeout");
      if (stallAt === "headers") expect(r.status).toBeUndefined();
      else expect(r.received).toBe(Math.floor(r.declared / 2));
    },
  );

  it("answers after the stall to a client that waits", async () => {
    const url = await serve({ kind: "chaos", seed: 1, rates: { timeout: 1 }, stallAt: "body", stallMs: 50 });
    const r = await describeVpcs(url);
    expect(r.status).toBe(200);
    expect(r.received).toBe(r.declared);
  });
});
