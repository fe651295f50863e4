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

/** How a failed service scan shows in coverage: denied (permissions), skipped (region not enabled) or failed (anything else). */
export function classifyError(err: unknown): { status: Coverage["status"]; error: string } {
  const e = err as {
    name?: string;
    Code?: string;
    message?: string;
    $metadata?: { attempts?: number };
  } | null;
  const code = e?.name ?? e?.Code ?? "Error";
  const message = (e?.message ?? String(err)).split("\n")[0] ?? "";
  const attempts = e?.$metadata?.attempts;
  const detail = `${code}: ${message}${attempts && attempts > 1 ? ` (after ${attempts} attempts)` : ""}`;
  if (DENIED.has(code)) return { status: "denied", error: detail };
  if (DISABLED_REGION.has(code)) return { status: "skipped", error: detail };
  return { status: "failed", error: detail };
}
