import { GetResources$ } from "@aws-sdk/client-resource-groups-tagging-api";
import type { OperationSchema } from "../protocols.ts";
import type { ServiceHandler } from "../types.ts";

// The Resource Groups Tagging API: every tagged resource of the region, filtered by "service:type".

const matches = (arn: string, filter: string) => {
  const [service = "", type = ""] = filter.split(":");
  const parts = arn.split(":");
  const resource = parts.slice(5).join(":");
  return (
    parts[2] === service &&
    (type === "" || resource.startsWith(`${type}:`) || resource.startsWith(`${type}/`))
  );
};

export const taggingHandler: ServiceHandler = {
  signingName: "tagging",
  protocol: "json",
  xmlNamespace: "",
  operations: {
    GetResources: {
      schema: GetResources$ as unknown as OperationSchema,
      paging: { items: "ResourceTagMappingList", token: "PaginationToken", limit: "ResourcesPerPage" },
      handle: ({ resources, params }) => {
        const filters = Array.isArray(params.ResourceTypeFilters)
          ? (params.ResourceTypeFilters as string[])
          : [];
        return {
          ResourceTagMappingList: resources
            .filter(
              (r) =>
                Object.keys(r.tags).length > 0 &&
                (filters.length === 0 || filters.some((f) => matches(r.id, f))),
            )
            .map((r) => ({
              ResourceARN: r.id,
              Tags: Object.entries(r.tags).map(([Key, Value]) => ({ Key, Value })),
            })),
        };
      },
    },
  },
};
