import { type FunctionUrlConfig, ListFunctions$, ListFunctionUrlConfigs$ } from "@aws-sdk/client-lambda";
import {
  type DumpReader,
  dumpReader,
  items,
  TAGGING_FILE,
  taggingFile,
  tagMappings,
} from "../import/dump.ts";
import api, { type LambdaRaw } from "./api.ts";

// Function URLs are one file per function, lambda-list-function-url-configs/<function name> (the layout of
// CloudMapper's per-resource calls; CloudMapper itself does not collect them). Without the folder no
// function's URLs are known; without one function's file, that function's.
const URLS = "lambda-list-function-url-configs";

const dump: DumpReader<unknown> = dumpReader<LambdaRaw>({
  module: api,
  files: {
    "lambda-list-functions": { op: ListFunctions$, list: "Functions" },
    [URLS]: { op: ListFunctionUrlConfigs$, list: "FunctionUrlConfigs", perResource: "function name" },
    [TAGGING_FILE]: taggingFile,
  },
  required: ["lambda-list-functions", TAGGING_FILE],
  records: {
    "lambda-list-functions": ["AWS::Lambda::Function"],
    [TAGGING_FILE]: ["AWS::Lambda::Function.tags"],
  },
  build: (get) => {
    const functions = items<LambdaRaw["functions"][number]>(get, "lambda-list-functions", "Functions");
    const urls: Record<string, FunctionUrlConfig[]> = {};
    for (const r of get<{ FunctionUrlConfigs?: FunctionUrlConfig[] }>(URLS))
      if (r.param) urls[r.param] = [...(urls[r.param] ?? []), ...(r.out.FunctionUrlConfigs ?? [])];
    const missing = functions.filter((f) => f.FunctionName && !(f.FunctionName in urls)).length;
    return {
      raw: { functions, tags: tagMappings(get), urls },
      gaps:
        missing > 0
          ? [`no ${URLS} response for ${missing} function(s): their function URLs are not known`]
          : [],
      ...(missing > 0 ? { notRecorded: ["AWS::Lambda::Function.functionUrls"] } : {}),
    };
  },
});

export default dump;
