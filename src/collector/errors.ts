import type { Coverage } from "../model/snapshot.ts";

const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedException",
  "AuthorizationError",
  "AuthorizationErrorException",
  "AuthFailure",
  "UnrecognizedClientException",
  "InvalidClientTokenId",
  "ExpiredToken",
  "ExpiredTokenException",
]);
const DISABLED_REGION = new Set(["OptInRequired", "InvalidRegion"]);

/**
 * Node's socket errors, which the SDK passes on as a bare Error ("aborted" for a body cut short) or renames
 * TimeoutError (a reset): the code says what happened to the connection, the name does not.
 */
const NETWORK: Record<string, string> = {
  ECONNRESET: "the connection closed before the answer was complete",
  ECONNREFUSED: "the endpoint refused the connection",
  EPIPE: "the connection closed while the request was being sent",
  ENOTFOUND: "the endpoint's host name does not resolve",
  EAI_AGAIN: "the endpoint's host name could not be resolved (DNS did not answer)",
  EHOSTUNREACH: "no route to the endpoint's host",
  ENETUNREACH: "the network of the endpoint is unreachable",
};

/** How a failed service scan shows in coverage: denied (permissions), skipped (region not enabled) or failed (anything else). */
export function classifyError(err: unknown): { status: Coverage["status"]; error: string } {
  const e = err as {
    name?: string;
    Code?: string;
    code?: unknown;
    message?: string;
    $metadata?: { attempts?: number };
  } | null;
  const network = typeof e?.code === "string" && Object.hasOwn(NETWORK, e.code) ? e.code : undefined;
  const code = network ?? e?.name ?? e?.Code ?? "Error";
  const firstLine = (e?.message ?? String(err)).split("\n")[0] ?? "";
  const message = network ? `${NETWORK[network]} (${firstLine})` : firstLine;
  const attempts = e?.$metadata?.attempts;
  const detail = `${code}: ${message}${attempts && attempts > 1 ? ` (after ${attempts} attempts)` : ""}`;
  if (DENIED.has(code)) return { status: "denied", error: detail };
  if (DISABLED_REGION.has(code)) return { status: "skipped", error: detail };
  return { status: "failed", error: detail };
}
