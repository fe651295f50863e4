// IPv4 and IPv6 CIDR arithmetic on bigints: containment and overlap, for security groups, NACLs and routes.

export interface Cidr {
  v6: boolean;
  /** First address of the block. */
  start: bigint;
  /** Last address of the block. */
  end: bigint;
  prefix: number;
}

const cache = new Map<string, Cidr | null>();

export function parseCidr(text: string): Cidr | null {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const result = parse(text);
  cache.set(text, result);
  return result;
}

function parse(text: string): Cidr | null {
  const [addr = "", len] = text.split("/");
  const v6 = addr.includes(":");
  const bits = v6 ? 128 : 32;
  const prefix = len === undefined ? bits : Number(len);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return null;
  const value = v6 ? parseV6(addr) : parseV4(addr);
  if (value === null) return null;
  const hostBits = BigInt(bits - prefix);
  const start = (value >> hostBits) << hostBits;
  const end = start + (1n << hostBits) - 1n;
  return { v6, start, end, prefix };
}

function parseV4(s: string): bigint | null {
  const parts = s.split(".");
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    const n = Number(p);
    if (!/^\d{1,3}$/.test(p) || n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseV6(s: string): bigint | null {
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return v;
}

/** Whether `inner` lies entirely within `outer` (same family). */
export function cidrContains(outer: string, inner: string): boolean {
  const a = parseCidr(outer);
  const b = parseCidr(inner);
  return !!a && !!b && a.v6 === b.v6 && a.start <= b.start && b.end <= a.end;
}

/** Whether the two blocks share any address (same family). */
export function cidrOverlaps(x: string, y: string): boolean {
  const a = parseCidr(x);
  const b = parseCidr(y);
  return !!a && !!b && a.v6 === b.v6 && a.start <= b.end && b.start <= a.end;
}

/** 0.0.0.0/0 or ::/0. */
export function isWorld(cidr: string): boolean {
  return cidr === "0.0.0.0/0" || cidr === "::/0";
}
