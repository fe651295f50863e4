import { type DumpReader, dumpReader, TAGGING_FILE, taggingFile, tagMappings } from "../import/dump.ts";
import api, { type TaggingRaw } from "./api.ts";

const dump: DumpReader<unknown> = dumpReader<TaggingRaw>({
  module: api,
  files: { [TAGGING_FILE]: taggingFile },
  required: [TAGGING_FILE],
  build: (get) => ({ raw: { mappings: tagMappings(get) }, gaps: [] }),
});

export default dump;
