import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { WireResponse } from "./protocols.ts";
import { CHAOS_KINDS, type ChaosFault, type ChaosKind, type Fault } from "./types.ts";

// Seeded random faults for the loopback endpoint (see ChaosFault): which request suffers what, and how
// a broken connection is acted out on the socket.

/** What one request drew: a fault, and a second number for the fault's own choices (where a stall happens). */
export interface ChaosDraw {
  kind: ChaosKind;
  fault: ChaosFault;
  /** In [0, 1), for the fault's own choices: 500 or 503, where a `timeout` stalls (below 0.5: before the headers). */
  variant: number;
}

/** Rejects rates a test could not have meant (negative, NaN, over 1 together), before any request is served. */
export function checkChaos(faults: readonly Fault[] | undefined): void {
  for (const f of faults ?? []) {
    if (f.kind !== "chaos") continue;
    let sum = 0;
    for (const [k, v] of Object.entries(f.rates)) {
      if (!(CHAOS_KINDS as readonly string[]).includes(k)) throw new Error(`chaos: unknown fault "${k}"`);
      if (typeof v !== "number" || !(v >= 0 && v <= 1)) throw new Error(`chaos: rate of ${k} must be 0 to 1`);
      sum += v;
    }
    if (sum > 1 + 1e-9) throw new Error(`chaos: rates add up to ${sum}, more than 1`);
  }
}

/**
 * The fault (if any) for the `occurrence`-th arrival (0 first) of the request `key` to `service`.
 * Deterministic: the same seed, request and occurrence always draw the same.
 */
export function drawChaos(
  faults: readonly Fault[] | undefined,
  service: string,
  key: string,
  occurrence: number,
): ChaosDraw | undefined {
  const fault = faults?.find(
    (f): f is ChaosFault => f.kind === "chaos" && (f.service === undefined || f.service === service),
  );
  if (!fault) return undefined;
  const digest = createHash("sha256").update(`${fault.seed}\0${key}\0${occurrence}`).digest();
  const u = digest.readUInt32BE(0) / 2 ** 32;
  const variant = digest.readUInt32BE(4) / 2 ** 32;
  let at = 0;
  for (const kind of CHAOS_KINDS) {
    at += fault.rates[kind] ?? 0;
    if (u < at) return { kind, fault, variant };
  }
  return undefined;
}

/** Closes the connection with a TCP reset before any byte of the response, as a dropped connection does. */
export function resetConnection(req: IncomingMessage): void {
  req.socket.resetAndDestroy();
}

/** Announces the whole body, sends half of it, then closes the connection. */
export function sendTruncated(res: ServerResponse, r: WireResponse): void {
  const body = Buffer.from(r.body, "utf8");
  res.writeHead(r.status, { ...r.headers, "content-length": body.length });
  res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
}

/**
 * Holds the response for `ms` (before its headers, or after half of its body), then sends the rest if
 * the client is still there. Resolves early when the client gives up and closes the connection.
 */
export async function sendStalled(
  res: ServerResponse,
  r: WireResponse,
  ms: number,
  midBody: boolean,
): Promise<void> {
  const body = Buffer.from(r.body, "utf8");
  const half = Math.floor(body.length / 2);
  if (midBody) {
    res.writeHead(r.status, { ...r.headers, "content-length": body.length });
    res.write(body.subarray(0, half));
  }
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    res.once("close", done);
    function done() {
      clearTimeout(timer);
      res.off("close", done);
      resolve();
    }
  });
  if (res.destroyed || res.writableEnded) return;
  if (!midBody) res.writeHead(r.status, { ...r.headers, "content-length": body.length });
  res.end(midBody ? body.subarray(half) : body);
}
