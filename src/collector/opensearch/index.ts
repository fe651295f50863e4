import { defineSources } from "../types.ts";
import api from "./api.ts";
import config from "./config.ts";
import dump from "./dump.ts";

/** The opensearch service (OpenSearch and Elasticsearch domains): its API module, its AWS Config reader and its AWS CLI dump reader. */
export default defineSources({ api, config, dump });
