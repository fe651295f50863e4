import { NodeHttpHandler } from "@smithy/node-http-handler";
import type { ClientSettings, SdkClient } from "./types.ts";

/** What a scan's SDK traffic was: HTTP attempts (retries included) and the commands sent. */
export class CallLog {
  /** HTTP requests sent, retries included. */
  attempts = 0;
  /** Logical SDK calls, by command name ("DescribeVpcs"). */
  readonly commands = new Map<string, number>();

  get calls(): number {
    let n = 0;
    for (const v of this.commands.values()) n += v;
    return n;
  }
}

type Handler = (args: unknown) => Promise<unknown>;
type InitializeMiddleware = (next: Handler, context: { commandName?: string }) => Handler;

/** How long a call may wait (ms) to connect, and for its response or the next bytes of its body. */
export interface HttpTimeouts {
  connectionTimeout: number;
  requestTimeout: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { connectionTimeout: 5_000, requestTimeout: 30_000 };

/** NodeHttpHandler options that bound every phase of a call, for clients that build their own handler. */
export function boundedHttpOptions(timeouts: HttpTimeouts = DEFAULT_TIMEOUTS) {
  return {
    ...timeouts,
    // requestTimeout ends when the response's headers arrive: a body that stops halfway would hold the
    // call (and its task) forever. The socket's idle timeout covers the body, with the same bound.
    socketTimeout: timeouts.requestTimeout,
    throwOnRequestTimeout: true,
  };
}

/**
 * An HTTP handler that counts every request it sends, shared by all the scan's clients (one connection
 * pool). SDK clients destroy their handler when they are destroyed; a shared one must survive that, or
 * one finished task would cut the sockets of every other: `destroy` is a no-op and `close` really ends it.
 * Timeouts bound a hung connection: a timed-out call is retried by the SDK, then reported as a gap.
 */
export function countingHttpHandler(
  log: CallLog,
  timeouts: HttpTimeouts = DEFAULT_TIMEOUTS,
): { handler: NodeHttpHandler; close(): void } {
  // The scan's own limits (tasks × each module's concurrency) bound the requests in flight; the agent's
  // default of 50 sockets per host would queue them again behind one another when every service is one
  // host (an --endpoint-url, a proxy), so the pool is sized above what the limits allow.
  const agent = { keepAlive: true, maxSockets: 256 };
  const inner = new NodeHttpHandler({
    ...boundedHttpOptions(timeouts),
    httpAgent: agent,
    httpsAgent: agent,
  });
  const handle = inner.handle.bind(inner);
  const close = inner.destroy.bind(inner);
  inner.handle = (request, options) => {
    log.attempts++;
    return handle(request, options);
  };
  inner.destroy = () => {};
  return { handler: inner, close };
}

/** Builds SDK clients with the scan's settings, recording each command they send. */
export function clientFactory(settings: ClientSettings, log: CallLog, handler: NodeHttpHandler) {
  return <C extends SdkClient>(
    ctor: new (config: ClientSettings & { requestHandler: NodeHttpHandler }) => C,
  ): C => {
    const client = new ctor({ ...settings, requestHandler: handler });
    const record: InitializeMiddleware = (next, context) => (args) => {
      const name = (context.commandName ?? "unknown").replace(/Command$/, "");
      log.commands.set(name, (log.commands.get(name) ?? 0) + 1);
      return next(args);
    };
    (
      client.middlewareStack as unknown as {
        add(mw: InitializeMiddleware, o: { step: string; name: string }): void;
      }
    ).add(record, {
      step: "initialize",
      name: "asbuiltCallLog",
    });
    return client;
  };
}
