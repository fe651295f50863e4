import type { FetchContext } from "./types.ts";

/**
 * A FetchContext for fetch tests whose SDK clients are mocked with aws-sdk-client-mock: the clients are
 * built with fake credentials and no request handler, so nothing can leave the process.
 */
export function mockFetchContext(account: string, region = "us-east-1"): FetchContext {
  return {
    account,
    region,
    settings: { region },
    client: (ctor) =>
      new ctor({
        region,
        credentials: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "x" },
        requestHandler: undefined as never,
      }),
  };
}
