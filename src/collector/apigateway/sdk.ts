// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export { APIGatewayClient, paginateGetResources, paginateGetRestApis } from "@aws-sdk/client-api-gateway";
