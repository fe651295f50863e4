import { defineSources } from "../types.ts";
import api from "./api.ts";
import config from "./config.ts";
import dump from "./dump.ts";

/** The account-level S3 Block Public Access: API module, AWS Config reader and AWS CLI dump reader. */
export default defineSources({ api, config, dump });
