import { type DBCluster, DBCluster$, type DBInstance, DBInstance$, DBProxy$ } from "@aws-sdk/client-rds";
import { type ConfigReader, configReader, sdk, tagList } from "../config/reader.ts";
import api, { type RdsRaw } from "./api.ts";

const config: ConfigReader<unknown> = configReader<RdsRaw>({
  module: api,
  partial: {
    notRecorded: ["AWS::RDS::DBProxy"],
    why: "AWS Config does not record RDS proxies; scan them with --source live --services rds",
  },
  empty: () => ({ instances: [], clusters: [], proxies: [], proxyTargets: {} }),
  types: {
    "AWS::RDS::DBInstance": (raw, i) => {
      const db = sdk<DBInstance>(DBInstance$, i);
      db.DBInstanceArn ??= i.arn;
      // Config's resourceId for an instance is its dbi-resource id; the name is the identifier.
      db.DBInstanceIdentifier ??= i.resourceName;
      db.TagList = tagList(i.tags);
      raw.instances.push(db);
    },
    "AWS::RDS::DBCluster": (raw, i) => {
      const c = sdk<DBCluster>(DBCluster$, i);
      c.DBClusterArn ??= i.arn;
      c.DBClusterIdentifier ??= i.resourceName;
      c.TagList = tagList(i.tags);
      raw.clusters.push(c);
    },
    // Not a type Config records today; read if a source has it. Its targets are not in the item.
    "AWS::RDS::DBProxy": (raw, i) => {
      const p = sdk<RdsRaw["proxies"][number]>(DBProxy$, i);
      p.DBProxyArn ??= i.arn;
      p.DBProxyName ??= i.resourceName;
      raw.proxies.push(p);
    },
  },
});

export default config;
