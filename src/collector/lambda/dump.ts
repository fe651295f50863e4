import { ListFunctions$ } from "@aws-sdk/client-lambda";
import {
  type DumpReader,
  dumpReader,
  items,
  TAGGING_FILE,
  taggingFile,
  tagMappings,
} from "../import/dump.ts";
import api, { type LambdaRaw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<LambdaRaw>({
  module: api,
  files: { "lambda-list-functions": { op: ListFunctions$, list: "Functions" }, [TAGGING_FILE]: taggingFile },
  required: ["lambda-list-functions", TAGGING_FILE],
  records: {
    "lambda-list-functions": ["AWS::Lambda::Function"],
    [TAGGING_FILE]: ["AWS::Lambda::Function.tags"],
  },
  build: (get) => ({
    raw: { functions: items(get, "lambda-list-functions", "Functions"), tags: tagMappings(get) },
    gaps: [],
  }),
});

export default dump;
