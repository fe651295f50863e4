// What api.ts's fetch sends, imported only when a scan runs it (see fetch in ../types.ts).
export {
  ApiGatewayV2Client,
  GetApisCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
} from "@aws-sdk/client-apigatewayv2";
