import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Resource, Snapshot } from "../../src/model/snapshot.ts";
import { checkChaos, drawChaos, resetConnection, sendStalled, sendTruncated } from "./chaos.ts";
import { httpBinding, readXmlInput, renderError, renderOutput, type WireResponse } from "./protocols.ts";
import type { Fault, OperationHandler, RequestContext, ServiceHandler } from "./types.ts";

// A loopback AWS endpoint for tests and the demo: a node:http server on 127.0.0.1 that answers the
// read-only calls the collector makes, from a snapshot, in each service's real wire protocol.
// Services are told apart by the SigV4 signing name in the Authorization header, because operation
// names collide across services (DescribeTags is in both EC2 and ELBv2).

export interface EndpointOptions {
  snapshot: Snapshot;
  services: readonly ServiceHandler[];
  faults?: readonly Fault[];
  /** The most items the endpoint returns per page, whatever the caller asks for (exercises pagination). */
  maxPageSize?: number;
}

export interface Endpoint {
  url: string;
  /** Requests answered, by "service:Operation" (faults included). */
  readonly calls: Map<string, number>;
  /** Chaos faults injected, by "service:kind" ("s3:throttle", "ec2:reset"). */
  readonly injected: Map<string, number>;
  totalCalls(): number;
  /** Every answered request with when it arrived and when its added latency ended (benchmarks' floors). */
  readonly timeline: { key: string; account: string; region: string; start: number; end: number }[];
  close(): Promise<void>;
}

/** Test credentials that name their account: the endpoint answers as that account. */
export function accessKeyFor(account: string): string {
  return `AKIA${account}ASBT`;
}

export function accountOfAccessKey(key: string | undefined): string | undefined {
  return key ? /^A[KS]IA(\d{12})/.exec(key)?.[1] : undefined;
}

export async function startEndpoint(opts: EndpointOptions): Promise<Endpoint> {
  checkChaos(opts.faults);
  const calls = new Map<string, number>();
  const injected = new Map<string, number>();
  /** How many times each distinct request has arrived: a retry draws its chaos afresh. */
  const arrivals = new Map<string, number>();
  const timeline: Endpoint["timeline"] = [];
  const faultCounts = new Map<Fault, number>();
  const byAccountRegion = indexResources(opts.snapshot.resources);
  const latency =
    opts.faults?.find((f): f is Extract<Fault, { kind: "latency" }> => f.kind === "latency")?.ms ?? 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (process.env.ASBUILT_ENDPOINT_DEBUG) console.error("loopback endpoint:", err);
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(`loopback endpoint bug: ${err instanceof Error ? err.stack : String(err)}`);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const scope = /Credential=([^/]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(
      req.headers.authorization ?? "",
    );
    const [, accessKey, region = "us-east-1", signingName = ""] = scope ?? [];
    // Two query APIs may share a signing name (ELB and ELBv2): the request's Version tells them apart.
    const version = /(?:^|&)Version=([^&]*)/.exec(body)?.[1];
    const named = opts.services.filter((s) => s.signingName === signingName);
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    const service =
      named.find((s) => s.apiVersion !== undefined && s.apiVersion === version) ??
      named.find((s) => s.pathPrefix !== undefined && path.startsWith(s.pathPrefix)) ??
      named.find((s) => s.pathPrefix === undefined);
    const requestId = randomUUID();
    if (!service)
      return send(res, {
        status: 400,
        headers: {},
        body: `no loopback handler for signing name "${signingName}"`,
      });
    const url = new URL(req.url ?? "/", "http://localhost");
    const found = findOperation(service, req.method ?? "GET", url, body, req.headers["x-amz-target"]);
    if (!found) {
      return send(
        res,
        renderError(
          service.protocol,
          {
            code: "InvalidAction",
            message: `The loopback endpoint does not implement ${req.method} ${url.pathname} for ${signingName}`,
            status: 400,
          },
          requestId,
          signingName,
        ),
      );
    }
    const { name, handler, params } = found;
    const key = `${signingName}:${name}`;
    calls.set(key, (calls.get(key) ?? 0) + 1);
    const start = performance.now();
    if (latency > 0) await new Promise((r) => setTimeout(r, latency));
    timeline.push({
      key,
      account: accountOfAccessKey(accessKey) ?? "",
      region,
      start,
      end: performance.now(),
    });

    const fault = opts.faults?.find(
      (f): f is Exclude<Fault, { kind: "latency" | "chaos" }> =>
        f.kind !== "latency" &&
        f.kind !== "chaos" &&
        f.service === signingName &&
        (f.operation === undefined || f.operation === name),
    );
    if (fault) {
      const used = faultCounts.get(fault) ?? 0;
      if (fault.kind === "access-denied")
        return send(res, renderError(service.protocol, deniedError(service), requestId, signingName));
      if (used < fault.times) {
        faultCounts.set(fault, used + 1);
        return send(
          res,
          renderError(
            service.protocol,
            fault.kind === "throttle" ? throttleError(service) : serverError(true),
            requestId,
            signingName,
          ),
        );
      }
    }

    const requestKey = [signingName, accessKey, region, req.method, req.url, body].join("\0");
    const occurrence = arrivals.get(requestKey) ?? 0;
    arrivals.set(requestKey, occurrence + 1);
    const chaos = drawChaos(opts.faults, signingName, requestKey, occurrence);
    if (chaos) {
      const k = `${signingName}:${chaos.kind}`;
      injected.set(k, (injected.get(k) ?? 0) + 1);
      switch (chaos.kind) {
        case "timeout":
        case "truncate":
          break;
        case "reset":
          return resetConnection(req);
        case "throttle":
          return send(res, renderError(service.protocol, throttleError(service), requestId, signingName));
        case "server-error":
          return send(
            res,
            renderError(service.protocol, serverError(chaos.variant < 0.5), requestId, signingName),
          );
        default:
          return assertNever(chaos.kind);
      }
    }
    // A timeout or a truncation happens to the answer itself, error or not.
    const answer = async (wire: WireResponse): Promise<void> => {
      if (chaos?.kind === "timeout")
        return sendStalled(
          res,
          wire,
          chaos.fault.stallMs ?? 60_000,
          (chaos.fault.stallAt ?? (chaos.variant < 0.5 ? "headers" : "body")) === "body",
        );
      if (chaos?.kind === "truncate") return sendTruncated(res, wire);
      send(res, wire);
    };

    const account = accountOfAccessKey(accessKey) ?? opts.snapshot.scope.accounts[0] ?? "000000000000";
    const ctx: RequestContext = {
      account,
      region,
      params,
      resources: byAccountRegion.get(`${account}/${service.global ? "global" : region}`) ?? [],
      snapshot: opts.snapshot,
    };
    let output: Record<string, unknown>;
    try {
      output = handler.handle(ctx);
    } catch (err) {
      // A handler refuses a request the way AWS would (an unknown role, say) by throwing {code, status}.
      // Extra headers go with it where AWS sends some (S3's x-amz-bucket-region on a 301).
      const e = err as { code?: string; status?: number; message?: string; headers?: Record<string, string> };
      if (!e.code) throw err;
      const wire = renderError(
        service.protocol,
        { code: e.code, message: e.message ?? e.code, status: e.status ?? 400 },
        requestId,
        signingName,
      );
      return answer({ ...wire, headers: { ...wire.headers, ...e.headers } });
    }
    if (handler.paging) output = paginate(output, handler, params, opts.maxPageSize);
    return answer(renderOutput(service.protocol, handler.schema, output, service.xmlNamespace, requestId));
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    injected,
    timeline,
    totalCalls: () => [...calls.values()].reduce((a, b) => a + b, 0),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // A stalled answer whose client is gone would otherwise hold the server open until its stall ends.
        server.closeAllConnections();
      }),
  };
}

function indexResources(resources: readonly Resource[]): Map<string, Resource[]> {
  const map = new Map<string, Resource[]>();
  for (const r of resources) {
    const k = `${r.account}/${r.region}`;
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return map;
}

function findOperation(
  service: ServiceHandler,
  method: string,
  url: URL,
  body: string,
  target: string | string[] | undefined,
): { name: string; handler: OperationHandler; params: Record<string, unknown> } | undefined {
  switch (service.protocol) {
    case "ec2":
    case "query": {
      const form = new URLSearchParams(body || url.search.slice(1));
      const name = form.get("Action") ?? "";
      const handler = service.operations[name];
      return handler ? { name, handler, params: Object.fromEntries(form) } : undefined;
    }
    case "json": {
      const name =
        String(Array.isArray(target) ? target[0] : (target ?? ""))
          .split(".")
          .pop() ?? "";
      const handler = service.operations[name];
      return handler
        ? { name, handler, params: body ? (JSON.parse(body) as Record<string, unknown>) : {} }
        : undefined;
    }
    case "rest-xml":
    case "rest-json": {
      let path = url.pathname;
      const params: Record<string, unknown> = Object.fromEntries(url.searchParams);
      if (service.signingName === "s3" && service.pathPrefix === undefined && path !== "/") {
        // Path-style addressing (forcePathStyle): the first segment is the bucket.
        const [, bucket = "", ...rest] = path.split("/");
        params.Bucket = decodeURIComponent(bucket);
        path = `/${rest.join("/")}`;
      }
      for (const [name, handler] of Object.entries(service.operations)) {
        const http = httpBinding(handler.schema);
        if (!http || http.method !== method) continue;
        const labels = matchUri(http.uri, path, url.searchParams);
        // A REST-XML body (Route 53's ListTagsForResources) is read back into its input members;
        // a REST-JSON body (OpenSearch's DescribeDomains) holds its members as they are named.
        const members =
          service.protocol === "rest-xml" && body
            ? readXmlInput(handler.schema, body)
            : service.protocol === "rest-json" && body
              ? (JSON.parse(body) as Record<string, unknown>)
              : {};
        if (labels) return { name, handler, params: { ...params, ...members, ...labels } };
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** Matches "/2013-04-01/hostedzone/{Id}/rrset" or "/?publicAccessBlock" against a request; returns the path labels. */
function matchUri(
  template: string,
  path: string,
  query: URLSearchParams,
): Record<string, string> | undefined {
  const [tplPath = "/", tplQuery] = template.split("?");
  if (tplQuery) {
    for (const part of tplQuery.split("&")) {
      const [k = "", v] = part.split("=");
      if (!query.has(k) || (v !== undefined && query.get(k) !== v)) return undefined;
    }
  }
  const a = tplPath.replace(/\/$/, "").split("/");
  const b = path.replace(/\/$/, "").split("/");
  if (a.length !== b.length) return undefined;
  const labels: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    const t = a[i] ?? "";
    const v = b[i] ?? "";
    const label = /^\{(\w+)\+?\}$/.exec(t);
    if (label?.[1]) labels[label[1]] = decodeURIComponent(v);
    else if (t !== v) return undefined;
  }
  return labels;
}

/** Serves one page of a list: the token is the offset of the page's first item. */
function paginate(
  output: Record<string, unknown>,
  handler: OperationHandler,
  params: Record<string, unknown>,
  maxPageSize = 1000,
): Record<string, unknown> {
  const p = handler.paging;
  if (!p) return output;
  // "DistributionList.Items": the list and its paging fields are inside an output member (CloudFront).
  const path = p.items.split(".");
  const itemsKey = path.pop() ?? p.items;
  const container = path.reduce<Record<string, unknown> | undefined>(
    (o, k) => o?.[k] as Record<string, unknown> | undefined,
    output,
  );
  const items = container?.[itemsKey];
  if (!container || !Array.isArray(items)) return output;
  const asked = Number(params[p.limit] ?? maxPageSize);
  const size = Math.max(1, Math.min(Number.isFinite(asked) && asked > 0 ? asked : maxPageSize, maxPageSize));
  const start = Number(params[p.token] ?? 0) || 0;
  const page = items.slice(start, start + size);
  const more = start + size < items.length;
  const paged = {
    ...container,
    [itemsKey]: page,
    // CloudFront lists state their length.
    ...("Quantity" in container && path.length > 0 ? { Quantity: page.length } : {}),
    ...(more ? { [p.nextToken ?? p.token]: String(start + size) } : {}),
    ...(p.truncatedFlag ? { [p.truncatedFlag]: more } : {}),
  };
  if (path.length === 0) return paged;
  const copy: Record<string, unknown> = { ...output };
  let at = copy;
  for (const [i, k] of path.entries()) {
    at[k] = i === path.length - 1 ? paged : { ...(at[k] as Record<string, unknown>) };
    at = at[k] as Record<string, unknown>;
  }
  return copy;
}

function deniedError(service: ServiceHandler) {
  const code =
    service.protocol === "ec2"
      ? "UnauthorizedOperation"
      : service.protocol === "json" || service.protocol === "rest-json"
        ? "AccessDeniedException"
        : "AccessDenied";
  return {
    code,
    message: `User: arn:aws:iam::000000000000:user/asbuilt is not authorized to perform this ${service.signingName} action (loopback fault)`,
    status: 403,
  };
}

function serverError(internal: boolean) {
  return internal
    ? { code: "InternalError", message: "We encountered an internal error. Please try again.", status: 500 }
    : { code: "ServiceUnavailable", message: "Service is unavailable. Please try again.", status: 503 };
}

function assertNever(x: never): never {
  throw new Error(`unexpected chaos fault ${String(x)}`);
}

function throttleError(service: ServiceHandler) {
  const code =
    service.protocol === "ec2"
      ? "RequestLimitExceeded"
      : service.protocol === "json"
        ? "ThrottlingException"
        : service.protocol === "rest-json"
          ? "TooManyRequestsException"
          : service.signingName === "s3"
            ? "SlowDown"
            : "Throttling";
  return {
    code,
    message: "Rate exceeded (loopback fault)",
    status: service.protocol === "rest-json" ? 429 : service.signingName === "s3" ? 503 : 400,
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, r: WireResponse): void {
  res.writeHead(r.status, { ...r.headers, "content-length": Buffer.byteLength(r.body) });
  res.end(r.body);
}
