import { defineRule, type RuleResult, unverified } from "../types.ts";
import { label, missingProps } from "../util.ts";

export default defineRule({
  meta: {
    id: "imdsv1-enabled",
    title: "Instance allows IMDSv1",
    severity: "medium",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::Instance"],
    what: "A running EC2 instance whose metadata service accepts IMDSv1 requests (HttpTokens optional, endpoint enabled).",
    why: "IMDSv1 answers any GET, so a server-side request forgery bug in the application hands out the instance role's credentials; IMDSv2's session tokens stop that.",
    fix: "aws ec2 modify-instance-metadata-options --instance-id ID --http-tokens required --http-endpoint enabled (and set it in the launch template).",
    references: ["FSBP EC2.8"],
    needs: ["AWS::EC2::Instance.httpTokens", "AWS::EC2::Instance.httpEndpoint", "AWS::EC2::Instance.state"],
  },
  check(ctx) {
    const out: RuleResult[] = [];
    for (const i of ctx.graph.ofType("AWS::EC2::Instance")) {
      if (
        i.props.state !== "running" ||
        i.props.httpEndpoint === "disabled" ||
        i.props.httpTokens === "required"
      )
        continue;
      if (i.props.httpTokens === undefined || i.props.httpEndpoint === undefined) {
        out.push(
          unverified(
            i,
            missingProps(i, {
              "MetadataOptions.HttpTokens": i.props.httpTokens,
              "MetadataOptions.HttpEndpoint": i.props.httpEndpoint,
            }),
          ),
        );
        continue;
      }
      out.push({
        resource: i,
        message: `Instance ${label(i)} accepts IMDSv1 metadata requests.`,
        evidence: [
          "MetadataOptions.HttpTokens is optional",
          ...(i.props.iamInstanceProfileArn
            ? [
                `its instance profile ${i.props.iamInstanceProfileArn} credentials are reachable through IMDSv1`,
              ]
            : []),
        ],
      });
    }
    return out;
  },
});
