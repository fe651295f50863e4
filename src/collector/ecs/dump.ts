import { DescribeClusters$, DescribeServices$, DescribeTasks$, ListClusters$ } from "@aws-sdk/client-ecs";
import { type DumpReader, dumpReader, type Get, items, uniqueBy } from "../import/dump.ts";
import api, { type EcsRaw } from "./api.ts";

/** ecs-list-clusters.json is there and lists no cluster. */
const listsNoCluster = (get: Get) =>
  get("ecs-list-clusters").length > 0 && items<string>(get, "ecs-list-clusters", "clusterArns").length === 0;

const dump: DumpReader<unknown> = dumpReader<EcsRaw>({
  module: api,
  files: {
    "ecs-describe-clusters": { op: DescribeClusters$, list: "clusters" },
    "ecs-describe-services": { op: DescribeServices$, list: "services" },
    // CloudMapper: ecs-describe-tasks/<cluster ARN>/<task ARN>, one response each.
    "ecs-describe-tasks": { op: DescribeTasks$, list: "tasks" },
    // CloudMapper's collect lists the clusters (and their tasks) but never describes them.
    "ecs-list-clusters": { op: ListClusters$, list: "clusterArns" },
  },
  // A region whose cluster list is empty has no clusters, services or tasks to describe.
  notNeeded: (get) => (listsNoCluster(get) ? ["ecs-describe-clusters"] : []),
  required: ["ecs-describe-clusters"],
  records: { "ecs-describe-clusters": ["AWS::ECS::Cluster"] },
  build: (get) => {
    const clusters = uniqueBy(
      items<EcsRaw["clusters"][number]>(get, "ecs-describe-clusters", "clusters"),
      (c) => c.clusterArn,
    );
    const services = uniqueBy(
      items<EcsRaw["services"][number]>(get, "ecs-describe-services", "services"),
      (s) => s.serviceArn,
    );
    const tasks = uniqueBy(
      items<EcsRaw["tasks"][number]>(get, "ecs-describe-tasks", "tasks"),
      (t) => t.taskArn,
    );
    const gaps: string[] = [];
    const notRecorded: string[] = [];
    // Without the clusters (CloudMapper's collect lists clusters and tasks, never describes clusters or
    // services), nobody can say whether there were services: their tasks are read as tasks of their own.
    const noClusters = get("ecs-describe-clusters").length === 0 && !listsNoCluster(get);
    if ((clusters.length > 0 || noClusters) && get("ecs-describe-services").length === 0) {
      gaps.push(
        tasks.length > 0
          ? `no ecs-describe-services: the services are missing (their ${tasks.length} task(s) are read on their own)`
          : "no ecs-describe-services: the clusters' services are missing",
      );
      notRecorded.push("AWS::ECS::Service");
    }
    if (services.some((s) => (s.runningCount ?? 0) > 0) && get("ecs-describe-tasks").length === 0)
      gaps.push("no ecs-describe-tasks: the services' task ENIs stay unattached");
    return { raw: { clusters, services, tasks }, gaps, notRecorded };
  },
});

export default dump;
