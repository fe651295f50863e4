import { Command, CommanderError, Option } from "commander";
import { InputError } from "../model/errors.ts";
import { FORMAT_NAMES } from "../report/names.ts";
import { EXIT, VERSION } from "./common.ts";
import type { ScanCliOptions } from "./scan.ts";

// Thin: parse flags, call the layers, set the exit code. Commands are imported lazily so that
// `asbuilt --help` stays fast.

export function buildProgram(): Command {
  const program = new Command("asbuilt")
    .description(
      paragraphs(
        "Turn an AWS account into a typed resource graph, check it against its documented architecture, and draw it.",
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage or input error, 3 internal error (a bug: please report it).",
        OUTPUT_RULE,
      ),
    )
    .version(VERSION, "-V, --version")
    .showHelpAfterError("(run with --help for usage)")
    // The command list's first column is wide: wrap its summaries too rather than run past 80 columns.
    .configureHelp({ minWidthToWrap: 20 })
    .option(
      "--json-errors",
      "on an error, print one JSON object on standard error (code, exit, message, file, line, column, fix) instead of text, for tools that run asbuilt",
    )
    .exitOverride();

  program
    .command("check")
    .summary("check a snapshot against the baseline rules and, with --spec, its architecture spec")
    .description(
      paragraphs(
        "Loads a snapshot (asbuilt scan, import or a fixture's snapshot.json), runs every enabled rule and prints the findings. Baseline rules need no spec; with --spec, conformance rules check tiers, placement, tags and environments, and the spec's waivers apply.",
        "With -o the report goes to the file (or, for several formats, the folder) and the counts and the PASS/FAIL line to standard error, so CI logs show the verdict.",
        "Exit codes: 0 no unwaived finding at or above --fail-on, 1 some (or, with --require-full-coverage, a coverage gap), 2 a usage or input error (bad file, bad flag).",
      ),
    )
    .argument("<snapshot>", "snapshot JSON file")
    .option("--spec <file>", "architecture spec (architecture.yaml) to check conformance against")
    .option(
      "--format <formats>",
      `output format, or several separated by commas: ${FORMAT_NAMES.join(", ")}`,
      "text",
    )
    .option(
      "--fail-on <severity>",
      "lowest severity that makes the exit code 1: low, medium, high, critical, or none for a report-only run",
      "high",
    )
    .option(
      "-o, --output <path>",
      "write the report to this file (atomically; its folder must exist); with several formats, a folder to write findings.* into (created if its parent exists)",
    )
    .option(
      "--baseline <findings.json>",
      "report only findings not in this earlier `--format json` report (matched by fingerprint)",
    )
    .option(
      "--max-waiver-days <n>",
      "reject (exit 2) any waiver of the spec that expires more than n days from today; with the spec's waivers.maxDays, the stricter holds",
    )
    .option(
      "--summary",
      "findings per rule and the top findings: instead of the text report on the terminal, beside a report written with -o or in another format",
    )
    .option(
      "--require-full-coverage",
      "exit 1 when the snapshot has coverage gaps (a denied service, a disabled region, a failed call), whatever the findings",
    )
    .addHelpText(
      "after",
      examples(
        "asbuilt check fixtures/status-page/snapshot.json \\\n      --spec fixtures/status-page/architecture.yaml",
        "asbuilt check snapshot.json --spec architecture.yaml \\\n      --format sarif,junit,markdown,json -o reports/",
        "asbuilt check snapshot.json --format json -o findings.json --fail-on critical",
        "asbuilt check snapshot.json --baseline main-findings.json  # only what is new",
        "asbuilt check snapshot.json --summary --fail-on none       # report only",
      ),
    )
    .action(
      async (
        snapshot: string,
        opts: {
          spec?: string;
          format: string;
          failOn: string;
          output?: string;
          baseline?: string;
          summary?: boolean;
          maxWaiverDays?: string;
          requireFullCoverage?: boolean;
        },
      ) => {
        const { runCheck } = await import("./check.ts");
        process.exitCode = await runCheck({
          snapshotFile: snapshot,
          specFile: opts.spec,
          format: opts.format,
          failOn: opts.failOn,
          output: opts.output,
          baseline: opts.baseline,
          summary: opts.summary === true,
          ...(opts.maxWaiverDays !== undefined ? { maxWaiverDays: parseDays(opts.maxWaiverDays) } : {}),
          requireFullCoverage: opts.requireFullCoverage === true,
        });
      },
    );

  program
    .command("diff")
    .summary(
      "what changed between two snapshots: resources, edges, internet exposure, tier flows and findings",
    )
    .description(
      paragraphs(
        "Compares two snapshots of the same accounts (an earlier scan and today's): resources added, removed and changed (matched by id, with each property change in words), edges added and removed, paths from the internet that opened or closed (with the step that opened them), flows between the spec's tiers that became possible or impossible, and findings that are new, fixed or still open (by fingerprint, each new one with the change that caused it where it can be named), and checks that became or stopped being unverified.",
        "What always changes and means nothing is ignored: the scan time, counters that follow the load, the order of sets such as security group rules and tags. A resource whose type the other snapshot did not record (a service denied, a region not scanned) is listed as not compared, never as added or removed.",
        "Exit codes: 0 no new unwaived finding at or above --fail-on, 1 some, 2 a usage or input error (a bad file or flag, or snapshots of different accounts without --allow-different-scope).",
      ),
    )
    .argument("<old>", "the earlier snapshot JSON")
    .argument("<new>", "the later snapshot JSON")
    .option("--spec <file>", "architecture spec: conformance findings, tiers for the tier flows, waivers")
    .option(
      "--format <formats>",
      "output format, or several separated by commas: text, json, markdown, sarif (sarif holds only the new findings)",
      "text",
    )
    .option(
      "--fail-on <severity>",
      "lowest severity of a new finding that makes the exit code 1: low, medium, high, critical, or none for a report-only run",
      "high",
    )
    .option(
      "-o, --output <path>",
      "write the report to this file (atomically; its folder must exist); with several formats, a folder to write diff.* into",
    )
    .option(
      "--allow-different-scope",
      "compare snapshots of different account sets anyway (resources of an account only one snapshot covers are listed as not compared)",
    )
    .addHelpText(
      "after",
      examples(
        "asbuilt diff last-week.json today.json",
        "asbuilt diff main.json pr.json --spec architecture.yaml \\\n      --format markdown,sarif,json -o diff/",
        "asbuilt diff old.json new.json --format json -o diff.json --fail-on critical",
        "asbuilt serve today.json --compare last-week.json   # on the diagram",
      ),
    )
    .action(
      async (
        old: string,
        now: string,
        opts: {
          spec?: string;
          format: string;
          failOn: string;
          output?: string;
          allowDifferentScope?: boolean;
        },
      ) => {
        const { runDiff } = await import("./diff.ts");
        process.exitCode = await runDiff({
          oldFile: old,
          newFile: now,
          specFile: opts.spec,
          format: opts.format,
          failOn: opts.failOn,
          output: opts.output,
          allowDifferentScope: opts.allowDifferentScope === true,
        });
      },
    );

  program
    .command("scan")
    .summary("scan live AWS accounts (read-only) into a snapshot")
    .description(
      paragraphs(
        "Reads AWS accounts with List/Describe/Get/Select calls only (the services' APIs, or AWS Config with --source config) and writes a snapshot for `asbuilt check`, `serve` and `report`.",
        "Credentials follow the AWS CLI: environment variables, shared config and credentials files, SSO, --profile. The identity needs the read-only policy in docs/iam-policy.json. Anything it cannot see (access denied, a disabled " +
          "region, exhausted retries) is recorded as a coverage gap and listed at the end; the scan goes on.",
      ),
    )
    .requiredOption("-o, --output <file>", "where to write the snapshot (atomically; its folder must exist)")
    .option("--profile <name>", "named profile from ~/.aws/config")
    .option(
      "--regions <list>",
      'comma-separated regions, or "all" for every region enabled in the account (default: $AWS_REGION)',
    )
    .option("--services <list>", "comma-separated services to scan (default: all)")
    .option("--endpoint-url <url>", "send every call to this endpoint (tests, AWS-compatible endpoints)")
    .option("--assume-role <arns>", "comma-separated role ARNs: scan each account through its role")
    .option(
      "--org",
      "scan every active account of the organization (Organizations ListAccounts), assuming --role-name in each",
    )
    .option(
      "--role-name <name>",
      "role to assume in each account with --org",
      "OrganizationAccountAccessRole",
    )
    .option("--concurrency <n>", "service × region × account tasks in flight at once", "16")
    .addOption(
      new Option(
        "--source <source>",
        "live: the services' List/Describe/Get APIs; config: AWS Config's recorded configuration items (SelectResourceConfig, one query per account × region)",
      )
        .choices(["live", "config"])
        .default("live"),
    )
    .option(
      "--aggregator <name>",
      "with --source config: query this AWS Config aggregator once (SelectAggregateResourceConfig, from the first --regions region) for every account and region it aggregates",
    )
    .option("-q, --quiet", "no progress bar and no summary")
    .addHelpText(
      "after",
      `${examples(
        "asbuilt scan --regions us-east-2 -o snapshot.json",
        "asbuilt scan --profile audit --regions all -o snapshot.json",
        "asbuilt scan --org --role-name asbuilt-readonly --regions all -o org.json",
        "asbuilt scan --source config --regions us-east-1,eu-west-1 -o snapshot.json",
        "asbuilt scan --source config --aggregator org-aggregator \\\n      --regions us-east-1 -o org.json",
      )}\n\nWith --source config, what AWS Config does not record is missing (target health,\nECS tasks, cache subnet groups…): see docs/import.md.`,
    )
    .action(async (opts: ScanCliOptions) => {
      const { runScan } = await import("./scan.ts");
      process.exitCode = await runScan(opts);
    });

  program
    .command("merge")
    .summary("join snapshots scanned separately (one per account, say) into one")
    .description(
      "Joins snapshots into one, so an organization can be scanned as one job per account on many machines and checked as a whole. " +
        "A resource present in several inputs keeps the copy from the most recent scan (and is listed).",
    )
    .argument("<snapshots...>", "snapshot files to join")
    .requiredOption(
      "-o, --output <file>",
      "where to write the merged snapshot (atomically; its folder must exist)",
    )
    .action(async (files: string[], opts: { output: string }) => {
      const { runMerge } = await import("./merge.ts");
      process.exitCode = await runMerge(files, opts.output);
    });

  program
    .command("import")
    .summary(
      "build a snapshot from data collected earlier: an AWS CLI dump folder or AWS Config files (no AWS calls)",
    )
    .description(
      paragraphs(
        "Reads, offline, any mix of the following, and writes the snapshot a scan would:\n" +
          "- folders of AWS CLI JSON outputs laid out as <dir>/<account>/<region>/<service>-<operation>.json, such as 123456789012/us-east-1/ec2-describe-vpcs.json (CloudMapper's collect layout);\n" +
          "- AWS Config snapshot files as delivered to S3 (.json or .json.gz);\n" +
          "- the output of aws configservice select-resource-config or select-aggregate-resource-config;",
        "Files of no known kind are listed as skipped. A broken file (invalid or truncated JSON) stops the import with exit code 2 and nothing written. What each input lacks: docs/import.md.",
      ),
    )
    .argument("<paths...>", "folders and files to read")
    .requiredOption("-o, --output <file>", "where to write the snapshot (atomically; its folder must exist)")
    .option(
      "--account <id>",
      "account id of a dump folder not named by its id and without sts-get-caller-identity.json (CloudMapper names folders after accounts)",
    )
    .option("-q, --quiet", "no summary (skipped files are still listed)")
    .addHelpText(
      "after",
      examples(
        "asbuilt import account-data/ -o snapshot.json",
        "asbuilt import -o snapshot.json \\\n    123456789012_Config_us-east-1_ConfigSnapshot_20260101T000000Z_ab.json.gz",
        'aws configservice select-resource-config --expression "SELECT …" >items.json',
        "asbuilt import items.json -o snapshot.json",
      ),
    )
    .action(async (paths: string[], opts: { output: string; account?: string; quiet?: boolean }) => {
      const { runImport } = await import("./import.ts");
      process.exitCode = await runImport(paths, opts);
    });

  program
    .command("init")
    .summary("draft an architecture.yaml from what is running")
    .description(
      "Drafts an architecture spec from a snapshot: environments from an environment tag, tiers from resource kinds and role tags, " +
        "each tier's placement from its subnets, and flows from today's network reachability. Review it, delete what should not be, " +
        "and from then on `asbuilt check --spec` holds the account to it.",
    )
    .argument("<snapshot>", "snapshot JSON file")
    .option("-o, --output <file>", "write the draft here (its folder must exist; default: standard output)")
    .option("--name <name>", "the system's name in the spec (default: the snapshot's file name)")
    .option("--force", "overwrite an existing file")
    .action(async (snapshot: string, opts: { output?: string; name?: string; force?: boolean }) => {
      const { runInit } = await import("./init.ts");
      process.exitCode = await runInit(snapshot, opts);
    });

  program
    .command("explain")
    .summary("why: one resource's placement, exposure, who can reach it (with evidence), tier and findings")
    .description(
      "Explains one resource: its subnets and why they are public or private, how the internet can reach it (directly or " +
        "through a load balancer), which other resources can open connections to it on which ports with the security group, " +
        "NACL and route evidence, its documented tier (with --spec), and its findings.",
    )
    .argument("<snapshot>", "snapshot JSON file")
    .argument("<resource>", "ARN, id (i-…, sg-…, subnet-…) or name")
    .option("--spec <file>", "architecture spec, for tiers and conformance findings")
    .option("--json", "machine-readable output")
    .action(async (snapshot: string, resource: string, opts: { spec?: string; json?: boolean }) => {
      const { runExplain } = await import("./explain.ts");
      process.exitCode = await runExplain(snapshot, resource, opts);
    });

  program
    .command("exposure")
    .summary("what the internet can reach: every resource and port, with its path, and the unknowns apart")
    .description(
      paragraphs(
        "Lists every resource and port/protocol (TCP, UDP, ICMP) the internet can reach, directly (a public address in a public subnet, a managed endpoint such as CloudFront, API Gateway, a Lambda function URL or a public EKS API) or through a load balancer's listener or CloudFront, with the path: each hop and the route, network ACL rule, security group rule or listener that allows it.",
        "Apart from it, what the internet may reach only if data nobody recorded allows it (a subnet whose route table was not recorded, listeners not read), with what is missing. With --spec each entry says whether documented flows allow it: from the internet to its tier, or through the tier of the load balancer, CloudFront or API in front of it.",
      ),
    )
    .argument("<snapshot>", "snapshot JSON file")
    .option(
      "--spec <file>",
      "architecture spec: mark each entry documented or not by the flows from the internet",
    )
    .option(
      "--format <formats>",
      "output format, or several separated by commas: text, json, markdown",
      "text",
    )
    .option(
      "-o, --output <path>",
      "write to this file (atomically); with several formats, a folder to write exposure.* into",
    )
    .addHelpText(
      "after",
      examples(
        "asbuilt exposure fixtures/edroplets/snapshot.json",
        "asbuilt exposure snapshot.json --spec architecture.yaml --format json \\\n      -o exposure.json",
        "asbuilt exposure snapshot.json --format text,json,markdown -o exposure/",
      ),
    )
    .action(async (snapshot: string, opts: { spec?: string; format: string; output?: string }) => {
      const { runExposure } = await import("./exposure.ts");
      process.exitCode = await runExposure(snapshot, opts);
    });

  program
    .command("serve")
    .summary("serve the interactive diagram of a snapshot on 127.0.0.1")
    .description(
      "Checks the snapshot (against --spec when given) and serves the web UI with the account drawn and the findings on it. " +
        "Read-only (GET only, nothing outside the built UI and the data is served). Loopback only unless --host says otherwise.",
    )
    .argument("<snapshot>", "snapshot JSON written by asbuilt scan, import or merge")
    .option("--spec <file>", "architecture spec: tiers, documented flows and conformance findings")
    .option("--port <n>", "port to listen on (0: any free port)", "7474")
    .option(
      "--host <address>",
      "address to listen on; anything but loopback exposes the inventory (a warning says so)",
      "127.0.0.1",
    )
    .option(
      "--compare <old>",
      "an earlier snapshot: the diagram marks what was added, removed (ghosted at its place) and changed since, with a changes-only filter",
    )
    .action(
      async (snapshot: string, opts: { spec?: string; port: string; host: string; compare?: string }) => {
        const { parsePort, prepareCompareData, prepareServeData, serveForever } = await import("./serve.ts");
        const port = parsePort(opts.port);
        const data = opts.compare
          ? await prepareCompareData(snapshot, opts.compare, opts.spec)
          : await prepareServeData(snapshot, opts.spec);
        process.exitCode = await serveForever(data, { port, host: opts.host });
      },
    );

  program
    .command("report")
    .summary("write a self-contained HTML review report (diagram, findings, coverage, conformance, waivers)")
    .description(
      "One HTML file with no network access needed: inline CSS, the diagram as inline SVG (laid out like the UI), findings " +
        "grouped by severity with evidence and fixes, coverage gaps, spec conformance and waivers. Prints cleanly to PDF.",
    )
    .argument("<snapshot>", "snapshot JSON")
    .option("--spec <file>", "architecture spec to check against")
    .requiredOption("-o, --output <file>", "the HTML file to write (atomically; its folder must exist)")
    .option(
      "--compare <old>",
      "an earlier snapshot: the diagram marks what was added, removed (ghosted at its place) and changed since",
    )
    .action(async (snapshot: string, opts: { spec?: string; output: string; compare?: string }) => {
      const { runReport } = await import("./report.ts");
      process.exitCode = await runReport({
        snapshotFile: snapshot,
        specFile: opts.spec,
        output: opts.output,
        ...(opts.compare ? { compare: opts.compare } : {}),
      });
    });

  program
    .command("demo")
    .summary("build a bundled demo account (a seed fixture) and show what asbuilt finds in it")
    .description(
      "Builds one of the bundled seed architectures as a snapshot, checks it against its architecture.yaml and prints a summary. " +
        "The demo exits 0 whatever it finds; use `asbuilt check` for a gate.",
    )
    .argument("[fixture]", "coursedog, status-page, beanstalk-app, edroplets or coherence", "status-page")
    .option("--save <file>", "also write the demo snapshot to this file (its folder must exist)")
    .option("--serve", "then serve its diagram on 127.0.0.1 (what npm start does)")
    .option("--port <n>", "port for --serve (0: any free port)", "7474")
    .action(async (fixture: string, opts: { save?: string; serve?: boolean; port: string }) => {
      const { runDemo } = await import("./demo.ts");
      const { parsePort } = await import("./serve.ts");
      process.exitCode = await runDemo({
        fixture,
        save: opts.save,
        ...(opts.serve ? { serve: { port: parsePort(opts.port) } } : {}),
      });
    });

  program
    .command("completion")
    .summary("print a shell completion script (bash, zsh or fish)")
    .description(
      paragraphs(
        "Prints the completion script of a shell, generated from asbuilt's own commands and flags: commands, each command's flags, the values of --format and --fail-on, the demo's fixtures, and file names.",
      ),
    )
    .addHelpText(
      "after",
      examples(
        "source <(asbuilt completion bash)",
        "asbuilt completion zsh > ~/.zfunc/_asbuilt",
        "asbuilt completion fish | source",
      ),
    )
    .argument("<shell>", "bash, zsh or fish")
    .action(async (shell: string) => {
      const { completionScript, SHELLS } = await import("./completion.ts");
      const name = shell.toLowerCase();
      if (!(SHELLS as readonly string[]).includes(name))
        throw new InputError(
          `no completion for the shell "${shell}".`,
          undefined,
          `Choose one of ${SHELLS.join(", ")}: asbuilt completion bash.`,
        );
      process.stdout.write(completionScript(program, name as (typeof SHELLS)[number]));
    });

  return program;
}

/** Prose paragraphs: commander wraps each to the terminal, so none holds a line break of its own. */
function paragraphs(...texts: string[]): string {
  return texts.join("\n\n");
}

/** Help examples are commands: not wrapped by commander, so each is written to fit 80 columns. */
function examples(...commands: string[]): string {
  return `\nExamples:\n${commands.map((c) => `  ${c}`).join("\n")}`;
}

/** The rule for every command that writes, stated once. */
const OUTPUT_RULE =
  "Every command that writes (check -o, diff -o, report, init -o, merge, import, scan, demo --save) creates the file it is told to write, or for several formats the folder, but never a missing folder above it: a mistyped path stops at once with exit code 2. Files are written atomically, and nothing is written when an input is bad.";

function parseDays(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new InputError(
      `--max-waiver-days ${JSON.stringify(text)} is not a number of days.`,
      undefined,
      "Give a whole number of days, 1 or more (--max-waiver-days 90).",
    );
  return n;
}

export async function main(argv: string[]): Promise<number> {
  // --json-errors may stand anywhere on the line: it is the caller's, not a command's.
  const json = argv.includes(JSON_ERRORS);
  const program = buildProgram();
  // Commander prints usage errors itself: in JSON mode, only the JSON object below is printed.
  if (json)
    for (const c of [program, ...program.commands])
      c.configureOutput({ outputError: () => {}, writeErr: () => {} });
  try {
    await program.parseAsync(argv.filter((a) => a !== JSON_ERRORS));
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.ok;
  } catch (err) {
    return handleError(err, json);
  }
}

const JSON_ERRORS = "--json-errors";

/**
 * An error as one JSON object on standard error (--json-errors), for tools that wrap asbuilt:
 * {"error": {"code": "input" | "usage" | "internal", "exit": 2, "message", "file", "line", "column", "fix", "details"}}.
 */
export interface JsonError {
  code: "input" | "usage" | "internal";
  exit: number;
  message: string;
  file?: string;
  line?: number;
  column?: number;
  fix?: string;
  details?: string[];
}

export function handleError(err: unknown, json = false): number {
  const emit = (e: JsonError) => process.stderr.write(`${JSON.stringify({ error: e })}\n`);
  if (err instanceof CommanderError) {
    // Help and version are not errors; commander has printed a usage error already, unless asked for JSON.
    if (
      err.code === "commander.helpDisplayed" ||
      err.code === "commander.version" ||
      err.code === "commander.help"
    )
      return EXIT.ok;
    if (json)
      emit({
        code: "usage",
        exit: EXIT.input,
        message: err.message.replace(/^error: /, ""),
        fix: "Run asbuilt --help, or asbuilt <command> --help, for the commands and their flags.",
      });
    return EXIT.input;
  }
  if (err instanceof InputError) {
    if (json)
      emit({
        code: "input",
        exit: EXIT.input,
        message: err.message,
        ...(err.where?.file !== undefined ? { file: err.where.file } : {}),
        ...(err.where?.line !== undefined ? { line: err.where.line } : {}),
        ...(err.where?.column !== undefined ? { column: err.where.column } : {}),
        ...(err.fix !== undefined ? { fix: err.fix } : {}),
        ...(err.details.length > 0 ? { details: err.details } : {}),
      });
    else process.stderr.write(`asbuilt: ${err.format()}\n`);
    return EXIT.input;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  if (json)
    emit({
      code: "internal",
      exit: EXIT.internal,
      message: e.message,
      fix: "This is a bug in asbuilt; please report it with the command you ran.",
      details: (e.stack ?? "")
        .split("\n")
        .slice(1, 6)
        .map((l) => l.trim()),
    });
  else
    process.stderr.write(
      `asbuilt: internal error: ${e.message}\nThis is a bug in asbuilt; please report it with the command you ran.\n${e.stack ?? ""}\n`,
    );
  return EXIT.internal;
}
