import {
  DescribeDBClusters$,
  DescribeDBInstances$,
  DescribeDBProxies$,
  DescribeDBProxyTargets$,
} from "@aws-sdk/client-rds";
import { type DumpReader, dumpReader, items } from "../import/dump.ts";
import api, { type RdsRaw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<RdsRaw>({
  module: api,
  files: {
    "rds-describe-db-instances": { op: DescribeDBInstances$, list: "DBInstances" },
    "rds-describe-db-clusters": { op: DescribeDBClusters$, list: "DBClusters" },
    "rds-describe-db-proxies": { op: DescribeDBProxies$, list: "DBProxies" },
    "rds-describe-db-proxy-targets": {
      op: DescribeDBProxyTargets$,
      list: "Targets",
      perResource: "proxy name",
    },
  },
  required: ["rds-describe-db-instances", "rds-describe-db-clusters", "rds-describe-db-proxies"],
  records: {
    "rds-describe-db-instances": ["AWS::RDS::DBInstance"],
    "rds-describe-db-clusters": ["AWS::RDS::DBCluster"],
    "rds-describe-db-proxies": ["AWS::RDS::DBProxy"],
  },
  build: (get) => {
    const proxies = items<RdsRaw["proxies"][number]>(get, "rds-describe-db-proxies", "DBProxies");
    const proxyTargets: RdsRaw["proxyTargets"] = {};
    for (const r of get<{ Targets?: RdsRaw["proxyTargets"][string] }>("rds-describe-db-proxy-targets"))
      if (r.param) proxyTargets[r.param] = r.out.Targets ?? [];
    const missing = proxies.filter((p) => p.DBProxyName && !(p.DBProxyName in proxyTargets)).length;
    return {
      raw: {
        instances: items(get, "rds-describe-db-instances", "DBInstances"),
        clusters: items(get, "rds-describe-db-clusters", "DBClusters"),
        proxies,
        proxyTargets,
      },
      gaps: missing > 0 ? [`no rds-describe-db-proxy-targets response for ${missing} proxy(ies)`] : [],
    };
  },
});

export default dump;
