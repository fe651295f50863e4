import { defineSources } from "../types.ts";
import api from "./api.ts";
import dump from "./dump.ts";

/** The tagging service: its API module and its AWS CLI dump reader. */
export default defineSources({ api, dump });
