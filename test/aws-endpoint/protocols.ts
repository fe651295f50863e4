import { JsonCodec2, XmlShapeDeserializer, XmlShapeSerializer } from "@aws-sdk/core/protocols";
import { NormalizedSchema } from "@smithy/core/schema";

// The wire protocols the collector's SDK clients speak, rendered from the SDK's own operation schemas
// (`DescribeVpcs$` and friends, exported by every @aws-sdk/client-*): handlers return plain objects
// shaped like the SDK's command output, and this module writes them as EC2 query XML, awsQuery XML,
// JSON 1.1, REST-XML or REST-JSON, exactly as the SDK's deserializers expect to read them.

export type Protocol = "ec2" | "query" | "json" | "rest-xml" | "rest-json";

/** An operation schema as the SDK exports it: [9, namespace, name, traits, () => input, () => output]. */
export type OperationSchema = readonly [number, string, string, unknown, () => unknown, () => unknown];

export interface WireResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function operationName(op: OperationSchema): string {
  return op[2];
}

/** The HTTP binding of a REST operation: method and URI template ("/2013-04-01/hostedzone/{Id}/rrset"). */
export function httpBinding(op: OperationSchema): { method: string; uri: string } | undefined {
  const traits = op[3];
  if (traits && typeof traits === "object") {
    for (const v of Object.values(traits as Record<string, unknown>)) {
      if (Array.isArray(v) && typeof v[0] === "string" && typeof v[1] === "string" && /^[A-Z]+$/.test(v[0])) {
        return { method: v[0], uri: v[1] };
      }
    }
  }
  return undefined;
}

function xmlOf(schema: unknown, value: unknown, xmlNamespace: string): string {
  const s = new XmlShapeSerializer({
    serviceNamespace: "",
    timestampFormat: { useTrait: true, default: 5 },
    xmlNamespace,
  } as never);
  s.write(schema as never, value);
  return String(s.flush());
}

/** A REST-XML request body read back into the operation's input members (what the SDK wrote from them). */
export function readXmlInput(op: OperationSchema, body: string): Record<string, unknown> {
  const d = new XmlShapeDeserializer({
    timestampFormat: { useTrait: true, default: 5 },
    httpBindings: true,
    serviceNamespace: "",
  } as never);
  const out: unknown = d.read(op[4]() as never, new TextEncoder().encode(body));
  return out && typeof out === "object" ? (out as Record<string, unknown>) : {};
}

function jsonOf(schema: unknown, value: unknown, jsonName: boolean): string {
  const serializer = new JsonCodec2({
    timestampFormat: { useTrait: true, default: 7 },
    jsonName,
  } as never).createSerializer();
  serializer.write(schema as never, value);
  // The codec returns bytes (a Uint8Array subclass); decode them rather than stringify the object.
  const out: unknown = serializer.flush();
  return typeof out === "string" ? out : new TextDecoder().decode(out as Uint8Array);
}

const XML = { "content-type": "text/xml" };

/** Renders an operation's output in the service's protocol. */
export function renderOutput(
  protocol: Protocol,
  op: OperationSchema,
  output: Record<string, unknown>,
  xmlNamespace: string,
  requestId: string,
): WireResponse {
  const name = operationName(op);
  const schema = op[5]();
  switch (protocol) {
    case "ec2": {
      const inner = innerXml(xmlOf(schema, output, ""));
      return {
        status: 200,
        headers: XML,
        body: `<${name}Response xmlns="${xmlNamespace}"><requestId>${requestId}</requestId>${inner}</${name}Response>`,
      };
    }
    case "query": {
      const inner = innerXml(xmlOf(schema, output, ""));
      return {
        status: 200,
        headers: XML,
        body: `<${name}Response xmlns="${xmlNamespace}"><${name}Result>${inner}</${name}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${name}Response>`,
      };
    }
    case "json":
      return {
        status: 200,
        headers: { "content-type": "application/x-amz-json-1.1", "x-amzn-requestid": requestId },
        body: jsonOf(schema, output, false),
      };
    case "rest-json":
      return {
        status: 200,
        headers: { "content-type": "application/json", "x-amzn-requestid": requestId },
        body: jsonOf(schema, output, true),
      };
    case "rest-xml": {
      // An output member bound to the payload is the whole body; otherwise the output struct is.
      const ns = NormalizedSchema.of(schema as never);
      for (const [member, memberSchema] of ns.structIterator()) {
        if (memberSchema.getMergedTraits().httpPayload) {
          const value = output[member];
          const body = value === undefined ? "" : xmlOf(memberSchema, value, xmlNamespace);
          return { status: 200, headers: { ...XML, "x-amz-request-id": requestId }, body };
        }
      }
      return {
        status: 200,
        headers: { ...XML, "x-amz-request-id": requestId },
        body: xmlOf(schema, output, xmlNamespace),
      };
    }
    default:
      return assertNever(protocol);
  }
}

/** The children of the root element: the SDK's struct writer names the root after the output shape. */
function innerXml(xml: string): string {
  const open = xml.indexOf(">");
  const close = xml.lastIndexOf("</");
  if (xml.endsWith("/>") || open < 0 || close < open) return "";
  return xml.slice(open + 1, close);
}

export interface WireError {
  code: string;
  message: string;
  status: number;
}

/** An error response in the service's protocol, as the SDK parses error codes from it. */
export function renderError(
  protocol: Protocol,
  err: WireError,
  requestId: string,
  service: string,
): WireResponse {
  const msg = escapeXml(err.message);
  switch (protocol) {
    case "ec2":
      return {
        status: err.status,
        headers: XML,
        body: `<Response><Errors><Error><Code>${err.code}</Code><Message>${msg}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`,
      };
    case "query":
      return {
        status: err.status,
        headers: XML,
        body: `<ErrorResponse><Error><Type>Sender</Type><Code>${err.code}</Code><Message>${msg}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
      };
    case "rest-xml":
      return service === "s3"
        ? {
            status: err.status,
            headers: XML,
            body: `<Error><Code>${err.code}</Code><Message>${msg}</Message><RequestId>${requestId}</RequestId></Error>`,
          }
        : {
            status: err.status,
            headers: XML,
            body: `<ErrorResponse><Error><Type>Sender</Type><Code>${err.code}</Code><Message>${msg}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`,
          };
    case "json":
    case "rest-json":
      return {
        status: err.status,
        headers: {
          "content-type": "application/json",
          "x-amzn-errortype": err.code,
          "x-amzn-requestid": requestId,
        },
        body: JSON.stringify({ __type: err.code, message: err.message }),
      };
    default:
      return assertNever(protocol);
  }
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function assertNever(x: never): never {
  throw new Error(`unexpected protocol ${String(x)}`);
}
