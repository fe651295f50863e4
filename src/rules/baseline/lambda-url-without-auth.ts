import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, notRecorded } from "../util.ts";

export default defineRule({
  meta: {
    id: "lambda-url-without-auth",
    title: "Lambda function URL without authentication",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::Lambda::Function"],
    what: "A Lambda function (or one of its aliases) with a function URL whose AuthType is NONE.",
    why: "A function URL with AuthType NONE is an HTTPS endpoint anyone on the internet can invoke, with no WAF, no throttling per caller and no IAM in front: whatever the function does, the world can make it do, and pay for it.",
    fix: "aws lambda update-function-url-config --function-name NAME [--qualifier ALIAS] --auth-type AWS_IAM (or delete the URL and put API Gateway or CloudFront with WAF in front).",
    references: ["FSBP Lambda.1"],
    problem: "exposure",
    needs: ["AWS::Lambda::Function.functionUrls"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const f of ctx.graph.ofType("AWS::Lambda::Function")) {
      const urls = f.props.functionUrls;
      if (urls === undefined) {
        out.push(unverified(f, [notRecorded(f, "function URLs")]));
        continue;
      }
      for (const u of urls) {
        const where = u.qualifier ? `alias ${u.qualifier}` : "function";
        if (u.authType === undefined) {
          out.push(unverified(f, [`AuthType of the function URL ${u.url} is not recorded`], { key: u.url }));
          continue;
        }
        if (u.authType !== "NONE") continue;
        out.push({
          resource: f,
          key: u.url,
          message: `Lambda function ${label(f)} has a function URL${u.qualifier ? ` on alias ${u.qualifier}` : ""} that anyone can invoke (AuthType NONE).`,
          evidence: [`function URL ${u.url} (${where})`, "AuthType is NONE"],
        });
      }
    }
    return out;
  },
});
