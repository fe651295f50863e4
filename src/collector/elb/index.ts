import { defineSources } from "../types.ts";
import api from "./api.ts";
import config from "./config.ts";
import dump from "./dump.ts";

/** Classic Load Balancers: the API module, the AWS Config reader and the AWS CLI dump reader. */
export default defineSources({ api, config, dump });
