import { type HostedZone, HostedZone$, type VPC, VPC$ } from "@aws-sdk/client-route-53";
import { configTags } from "../config/item.ts";
import { type ConfigReader, configReader, sdk, tagList } from "../config/reader.ts";
import { fromJson } from "../shape.ts";
import api, { type Route53Raw, zoneIdOf } from "./api.ts";

const config: ConfigReader<unknown> = configReader<Route53Raw>({
  module: api,
  recordedIn: "us-east-1",
  partial: {
    notRecorded: ["AWS::Route53::RecordSet"],
    why: "AWS Config records hosted zones, not their record sets; scan them with --source live --services route53",
  },
  // Config records no record sets (no AWS::Route53::RecordSet type): zones only.
  empty: () => ({ zones: [], vpcs: {}, records: {}, tags: {} }),
  types: {
    // CloudFormation-shaped: {Id, Name, NameServers, VPCs: [{VPCId, VPCRegion}], HostedZoneConfig,
    // HostedZoneTags}. No PrivateZone flag: a private zone is the one with VPCs (Route 53 keeps at least
    // one VPC associated with a private zone; public zones have none). No record count: 0.
    "AWS::Route53::HostedZone": (raw, i) => {
      const z = sdk<HostedZone>(HostedZone$, i);
      const list = i.configuration.VPCs ?? i.configuration.vpcs;
      const vpcs = (Array.isArray(list) ? list : []).flatMap((v) => {
        const vpc = fromJson<VPC>(VPC$, v);
        return vpc?.VPCId ? [vpc] : [];
      });
      const id = zoneIdOf(z.Id ?? i.resourceId);
      const name = z.Name ?? i.resourceName;
      if (!name) return;
      raw.zones.push({
        ...z,
        Id: id,
        Name: name,
        Config: { ...z.Config, PrivateZone: z.Config?.PrivateZone ?? vpcs.length > 0 },
      } as HostedZone);
      if (vpcs.length > 0) raw.vpcs[id] = vpcs;
      const cfTags = i.configuration.HostedZoneTags ?? i.configuration.hostedZoneTags;
      raw.tags[id] = Object.keys(i.tags).length > 0 ? tagList(i.tags) : tagList(configTags(cfTags));
    },
  },
});

export default config;
