import { defineRule } from "../types.ts";
import { portsOpenToWorld } from "../util.ts";

export default defineRule({
  meta: {
    id: "admin-port-open-to-world",
    title: "SSH or RDP open to the world",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::SecurityGroup"],
    what: "A security group whose ingress allows tcp/22 (SSH) or tcp/3389 (RDP) from 0.0.0.0/0 or ::/0, including all-traffic rules and port ranges that cover them.",
    why: "Remote administration ports are scanned and brute-forced constantly; one weak key or password, or one unpatched daemon, gives an attacker a shell. Groups that nothing uses are reported at low severity.",
    fix: "Remove the 0.0.0.0/0 and ::/0 sources (aws ec2 revoke-security-group-ingress), and reach hosts through SSM Session Manager, a VPN, or a bastion that allows only known addresses.",
    references: ["FSBP EC2.13", "FSBP EC2.14", "CIS 5.2", "CIS 5.3"],
    problem: "open-ports",
    needs: [
      "AWS::EC2::SecurityGroup.ingress",
      "AWS::EC2::NetworkInterface",
      "AWS::EC2::RouteTable",
      "AWS::EC2::NetworkAcl",
    ],
  },
  check: (ctx) => portsOpenToWorld(ctx, { 22: "SSH", 3389: "RDP" }, "high"),
});
