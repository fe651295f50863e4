import {
  GetHostedZone$,
  type HostedZone,
  type HostedZoneSummary,
  ListHostedZones$,
  ListHostedZonesByVPC$,
  ListResourceRecordSets$,
  ListTagsForResources$ as ListRoute53Tags$,
  type ResourceRecordSet,
  type ResourceTagSet,
  type VPC,
} from "@aws-sdk/client-route-53";
import { type DumpReader, dumpReader, items, uniqueBy } from "../import/dump.ts";
import api, { type Route53Raw, zoneIdOf } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<Route53Raw>({
  module: api,
  files: {
    "route53-list-hosted-zones": { op: ListHostedZones$, list: "HostedZones" },
    "route53-get-hosted-zone": { op: GetHostedZone$ },
    // CloudMapper names these files after the zone's name; a zone id works too.
    "route53-list-resource-record-sets": {
      op: ListResourceRecordSets$,
      list: "ResourceRecordSets",
      perResource: "hosted zone id or name",
    },
    "route53-list-tags-for-resources": { op: ListRoute53Tags$, list: "ResourceTagSets" },
    // CloudMapper's collect: route53-list-hosted-zones-by-vpc/<VPC region>/<VPC id>, the private zones each
    // VPC of the dump is associated with (it writes no route53-get-hosted-zone).
    "route53-list-hosted-zones-by-vpc": {
      op: ListHostedZonesByVPC$,
      list: "HostedZoneSummaries",
      perResource: "VPC (a folder per VPC region, a file per VPC id)",
    },
  },
  required: ["route53-list-hosted-zones", "route53-list-tags-for-resources"],
  records: {
    "route53-list-hosted-zones": ["AWS::Route53::HostedZone", "AWS::Route53::RecordSet"],
    "route53-list-tags-for-resources": ["AWS::Route53::HostedZone.tags"],
  },
  build: (get) => {
    const zones = uniqueBy(items<HostedZone>(get, "route53-list-hosted-zones", "HostedZones"), (z) => z.Id);
    const byKey = new Map<string, string>();
    const dot = (n: string) => (n.endsWith(".") ? n : `${n}.`).toLowerCase();
    for (const z of zones)
      if (z.Id) {
        byKey.set(zoneIdOf(z.Id), zoneIdOf(z.Id));
        if (z.Name) byKey.set(dot(z.Name), zoneIdOf(z.Id));
      }
    const records: Route53Raw["records"] = {};
    for (const r of get<{ ResourceRecordSets?: ResourceRecordSet[] }>("route53-list-resource-record-sets")) {
      const id = r.param ? (byKey.get(zoneIdOf(r.param)) ?? byKey.get(dot(r.param))) : undefined;
      if (id) records[id] = [...(records[id] ?? []), ...(r.out.ResourceRecordSets ?? [])];
    }
    const vpcs: Route53Raw["vpcs"] = {};
    for (const r of get<{ HostedZone?: HostedZone; VPCs?: VPC[] }>("route53-get-hosted-zone"))
      if (r.out.HostedZone?.Id) vpcs[zoneIdOf(r.out.HostedZone.Id)] = r.out.VPCs ?? [];
    // The reverse answers, where GetHostedZone's are missing: each VPC's private zones. They name only the
    // dump's own VPCs (not those of other accounts), so they are read for zones GetHostedZone did not answer.
    const byVpc: Route53Raw["vpcs"] = {};
    for (const r of get<{ HostedZoneSummaries?: HostedZoneSummary[] }>("route53-list-hosted-zones-by-vpc")) {
      const [VPCRegion, VPCId] = r.params ?? [];
      if (r.params?.length !== 2 || !VPCRegion || !VPCId) continue;
      for (const z of r.out.HostedZoneSummaries ?? [])
        if (z.HostedZoneId) {
          const id = zoneIdOf(z.HostedZoneId);
          byVpc[id] = [...(byVpc[id] ?? []), { VPCRegion: VPCRegion as VPC["VPCRegion"], VPCId }];
        }
    }
    for (const [id, list] of Object.entries(byVpc)) if (!(id in vpcs)) vpcs[id] = list;
    const tags: Route53Raw["tags"] = {};
    for (const s of items<ResourceTagSet>(get, "route53-list-tags-for-resources", "ResourceTagSets"))
      if (s.ResourceId) tags[zoneIdOf(s.ResourceId)] = s.Tags ?? [];
    const ids = zones.flatMap((z) => (z.Id ? [zoneIdOf(z.Id)] : []));
    const noRecords = ids.filter((id) => !(id in records)).length;
    const noVpcs = zones.filter((z) => z.Config?.PrivateZone && z.Id && !(zoneIdOf(z.Id) in vpcs)).length;
    return {
      raw: { zones, vpcs, records, tags },
      gaps: [
        ...(noRecords > 0 ? [`no route53-list-resource-record-sets response for ${noRecords} zone(s)`] : []),
        ...(noVpcs > 0
          ? [
              `no route53-get-hosted-zone (or route53-list-hosted-zones-by-vpc) response for ${noVpcs} private zone(s): their VPCs are unknown`,
            ]
          : []),
      ],
    };
  },
});

export default dump;
