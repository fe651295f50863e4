import { defineRule } from "../types.ts";
import { portsOpenToWorld } from "../util.ts";

export default defineRule({
  meta: {
    id: "db-port-open-to-world",
    title: "Database or cache port open to the world",
    severity: "high",
    pack: "baseline",
    resourceTypes: ["AWS::EC2::SecurityGroup"],
    what: "A security group whose ingress allows a database or cache port (MySQL 3306, PostgreSQL 5432, SQL Server 1433, Oracle 1521, Redis 6379, Memcached 11211, MongoDB 27017, Elasticsearch 9200) from 0.0.0.0/0 or ::/0.",
    why: "Data stores are meant to be reached by the application tier only; a world-open port invites credential stuffing and exploits against the engine, and is how many public data leaks start.",
    fix: "Replace the 0.0.0.0/0 / ::/0 source with the application tier's security group (a security-group reference), and keep data stores in private subnets.",
    references: ["FSBP EC2.19"],
    problem: "open-ports",
    needs: [
      "AWS::EC2::SecurityGroup.ingress",
      "AWS::EC2::NetworkInterface",
      "AWS::EC2::RouteTable",
      "AWS::EC2::NetworkAcl",
    ],
  },
  check: (ctx) =>
    portsOpenToWorld(
      ctx,
      {
        1433: "SQL Server",
        1521: "Oracle",
        3306: "MySQL",
        5432: "PostgreSQL",
        6379: "Redis",
        9200: "Elasticsearch",
        11211: "Memcached",
        27017: "MongoDB",
      },
      "high",
    ),
});
