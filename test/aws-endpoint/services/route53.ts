import {
  GetHostedZone$,
  ListHostedZones$,
  ListResourceRecordSets$,
  ListTagsForResources$,
} from "@aws-sdk/client-route-53";
import { arns } from "../../../src/model/arn.ts";
import type { Resource, ResourceOf } from "../../../src/model/snapshot.ts";
import type { OperationSchema } from "../protocols.ts";
import type { RequestContext, ServiceHandler } from "../types.ts";

// Route 53 answers built from the snapshot: the inverse of src/collector/route53.ts. Every zone also
// has what Route 53 creates with it and a snapshot leaves out: the apex SOA and NS records. Names are
// fully qualified and escaped as Route 53 writes them.
//
// Record pages use the endpoint's offset token in NextRecordName (no NextRecordType): a stand-in for
// Route 53's (name, type, identifier) position, which the collector passes back the same way.

const schema = (s: unknown) => s as OperationSchema;
type Zone = ResourceOf<"AWS::Route53::HostedZone">;
type Record = ResourceOf<"AWS::Route53::RecordSet">;

const zones = (rs: readonly Resource[]) => rs.filter((r): r is Zone => r.type === "AWS::Route53::HostedZone");
const noSuchZone = (id: unknown) =>
  Object.assign(new Error(`No hosted zone found with ID: ${String(id)}`), {
    code: "NoSuchHostedZone",
    status: 404,
  });

/** Route 53 escapes characters outside [a-z0-9-_.] in names as three octal digits ("*" is "\\052"). */
const escapeName = (name: string) =>
  name.replace(/[^a-zA-Z0-9\-_.]/g, (c) => `\\${c.charCodeAt(0).toString(8).padStart(3, "0")}`);

function zoneOf(ctx: RequestContext, id: unknown): Zone {
  const bare = String(id).replace(/^\/?hostedzone\//, "");
  const z = zones(ctx.resources).find((x) => x.props.hostedZoneId === bare);
  if (!z) throw noSuchZone(id);
  return z;
}

function hostedZone(z: Zone) {
  return {
    Id: `/hostedzone/${z.props.hostedZoneId}`,
    Name: escapeName(z.props.zoneName),
    CallerReference: `loopback-${z.props.hostedZoneId}`,
    Config: { Comment: "", PrivateZone: z.props.privateZone },
    ResourceRecordSetCount: z.props.recordCount,
  };
}

const nameServers = (z: Zone) =>
  [1, 2, 3, 4].map(
    (i) => `ns-${i}${z.props.hostedZoneId.length}.awsdns-0${i}.${["com", "net", "org", "co.uk"][i - 1]}.`,
  );

/** Route 53 lists records by name with labels compared right to left, then by type. */
const orderKey = (name: string) => name.replace(/\.$/, "").split(".").reverse().join("\u0001");

function recordSets(ctx: RequestContext, z: Zone) {
  const apex = [
    {
      Name: z.props.zoneName,
      Type: "NS",
      TTL: 172800,
      ResourceRecords: nameServers(z).map((Value) => ({ Value })),
    },
    {
      Name: z.props.zoneName,
      Type: "SOA",
      TTL: 900,
      ResourceRecords: [
        { Value: `${nameServers(z)[0]} awsdns-hostmaster.amazon.com. 1 7200 900 1209600 86400` },
      ],
    },
  ];
  const records = ctx.resources
    .filter(
      (r): r is Record =>
        r.type === "AWS::Route53::RecordSet" && r.props.hostedZoneId === z.props.hostedZoneId,
    )
    .map((r) => {
      const p = r.props;
      const base = arns.recordSet(p.hostedZoneId, p.recordName, p.recordType);
      const setIdentifier = r.id.length > base.length ? r.id.slice(base.length + 1) : undefined;
      return {
        Name: p.recordName,
        Type: p.recordType,
        ...(setIdentifier ? { SetIdentifier: setIdentifier, Weight: 1 } : {}),
        ...(p.ttl !== null ? { TTL: p.ttl } : {}),
        ...(p.aliasTarget
          ? {
              AliasTarget: {
                HostedZoneId: p.aliasTarget.hostedZoneId,
                // Fully qualified, as Route 53 answers.
                DNSName: `${p.aliasTarget.dnsName}.`,
                EvaluateTargetHealth: p.aliasTarget.evaluateTargetHealth,
              },
            }
          : { ResourceRecords: p.values.map((Value) => ({ Value })) }),
      };
    });
  return [...apex, ...records]
    .sort((a, b) => {
      const ka = orderKey(a.Name);
      const kb = orderKey(b.Name);
      return ka < kb ? -1 : ka > kb ? 1 : a.Type < b.Type ? -1 : a.Type > b.Type ? 1 : 0;
    })
    .map((r) => ({ ...r, Name: escapeName(r.Name) }));
}

export const route53Handler: ServiceHandler = {
  signingName: "route53",
  protocol: "rest-xml",
  xmlNamespace: "https://route53.amazonaws.com/doc/2013-04-01/",
  global: true,
  operations: {
    ListHostedZones: {
      schema: schema(ListHostedZones$),
      paging: {
        items: "HostedZones",
        token: "marker",
        nextToken: "NextMarker",
        limit: "maxitems",
        truncatedFlag: "IsTruncated",
      },
      handle: ({ resources, params }) => ({
        HostedZones: zones(resources).map(hostedZone),
        Marker: typeof params.marker === "string" ? params.marker : "",
        MaxItems: Number(params.maxitems ?? 100),
        IsTruncated: false,
      }),
    },
    GetHostedZone: {
      schema: schema(GetHostedZone$),
      handle: (ctx) => {
        const z = zoneOf(ctx, ctx.params.Id);
        if (!z.props.privateZone)
          return {
            HostedZone: hostedZone(z),
            DelegationSet: { NameServers: nameServers(z).map((n) => n.replace(/\.$/, "")) },
          };
        // A VPC's region: where the snapshot has it, else us-east-1.
        const regionOf = (vpcId: string) =>
          ctx.snapshot.resources.find((r) => r.type === "AWS::EC2::VPC" && r.id.endsWith(`:vpc/${vpcId}`))
            ?.region ?? "us-east-1";
        return {
          HostedZone: hostedZone(z),
          VPCs: z.props.vpcIds.map((VPCId) => ({ VPCId, VPCRegion: regionOf(VPCId) })),
        };
      },
    },
    ListResourceRecordSets: {
      schema: schema(ListResourceRecordSets$),
      paging: {
        items: "ResourceRecordSets",
        token: "name",
        nextToken: "NextRecordName",
        limit: "maxitems",
        truncatedFlag: "IsTruncated",
      },
      handle: (ctx) => {
        const z = zoneOf(ctx, ctx.params.HostedZoneId);
        return {
          ResourceRecordSets: recordSets(ctx, z),
          IsTruncated: false,
          MaxItems: Number(ctx.params.maxitems ?? 300),
        };
      },
    },
    ListTagsForResources: {
      schema: schema(ListTagsForResources$),
      handle: (ctx) => {
        const ids = Array.isArray(ctx.params.ResourceIds) ? (ctx.params.ResourceIds as string[]) : [];
        if (ids.length > 10)
          throw Object.assign(new Error("ResourceIds: at most 10"), { code: "InvalidInput", status: 400 });
        return {
          ResourceTagSets: ids.map((id) => {
            const z = zoneOf(ctx, id);
            return {
              ResourceType: "hostedzone",
              ResourceId: z.props.hostedZoneId,
              Tags: Object.entries(z.tags).map(([Key, Value]) => ({ Key, Value })),
            };
          }),
        };
      },
    },
  },
};
