import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SnapshotBuilder, tcp } from "../../fixtures/builder.ts";
import { tempDir } from "../../test/tmp.ts";
import { InputError } from "./errors.ts";
import {
  checkOutputDir,
  checkOutputFile,
  loadSnapshot,
  outputError,
  parseSnapshot,
  saveSnapshot,
  serializeSnapshot,
  writeFilesAtomic,
  writeFilesInto,
} from "./io.ts";

/** A one-VPC account: enough structure for parent links and edges. */
function small() {
  const b = new SnapshotBuilder("test:small");
  const a = b.in("111111111111", "us-east-2");
  const v = a.vpc("main", { cidr: "10.0.0.0/16" });
  const s = a.subnet(v, "web-a", { cidr: "10.0.1.0/24", az: "us-east-2a" });
  const sg = a.securityGroup(v, "web", { ingress: [tcp(443, "0.0.0.0/0")] });
  a.instance(s, "web-1", { securityGroups: [sg] });
  return b.build();
}

function errorOf(fn: () => unknown): InputError {
  try {
    fn();
  } catch (err) {
    if (err instanceof InputError) return err;
    throw err;
  }
  throw new Error("expected an InputError");
}

describe("parseSnapshot", () => {
  it("round-trips a valid snapshot", () => {
    const snap = small();
    const text = serializeSnapshot(snap);
    expect(serializeSnapshot(parseSnapshot(text, "x.json"))).toBe(text);
  });

  it("names the JSON path, the expected type, the resource and the line of a bad prop", () => {
    const data = JSON.parse(serializeSnapshot(small()));
    const i = data.resources.findIndex((r: { type: string }) => r.type === "AWS::EC2::Subnet");
    data.resources[i].props.cidrBlock = 42;
    const text = JSON.stringify(data, null, 2);
    const err = errorOf(() => parseSnapshot(text, "bad.json"));
    expect(err.details[0]).toMatch(
      new RegExp(
        `^resources\\[${i}\\]\\.props\\.cidrBlock: expected string, received number \\(in AWS::EC2::Subnet arn:aws:ec2:us-east-2:111111111111:subnet/subnet-`,
      ),
    );
    const line = text.split("\n").findIndex((l) => l.includes('"cidrBlock": 42')) + 1;
    expect(err.where).toEqual({ file: "bad.json", line, column: expect.any(Number) });
    expect(err.format()).toContain(`bad.json:${line}:`);
  });

  it("rejects unknown keys in our own format (strict) and lists every problem", () => {
    const data = JSON.parse(serializeSnapshot(small()));
    data.resources[0].props.typo = true;
    data.scope.accounts = ["12"];
    const err = errorOf(() => parseSnapshot(JSON.stringify(data), "bad.json"));
    expect(err.details.join("\n")).toContain("scope.accounts[0]: expected a 12-digit AWS account id");
  });

  it("keeps unmodelled types with generic props, and rejects a modelled type with the wrong props", () => {
    const data = JSON.parse(serializeSnapshot(small()));
    data.resources.push({
      id: "arn:aws:sqs:us-east-2:111111111111:jobs",
      type: "AWS::SQS::Queue",
      account: "111111111111",
      region: "us-east-2",
      tags: {},
      props: { anything: [1, 2] },
    });
    expect(
      parseSnapshot(JSON.stringify(data), "ok.json").resources.some((r) => r.type === "AWS::SQS::Queue"),
    ).toBe(true);
    data.resources.push({
      id: "arn:x",
      type: "AWS::EC2::VPC",
      account: "111111111111",
      region: "us-east-2",
      tags: {},
      props: {},
    });
    const err = errorOf(() => parseSnapshot(JSON.stringify(data), "bad.json"));
    expect(err.details.join("\n")).toMatch(
      /props\.vpcId: expected string, received undefined \(in AWS::EC2::VPC arn:x\)/,
    );
  });

  it("reports a dangling edge and a dangling parent as errors", () => {
    const data = JSON.parse(serializeSnapshot(small()));
    data.edges.push({
      from: data.resources[0].id,
      to: "arn:aws:ec2:us-east-2:111111111111:instance/i-gone",
      kind: "uses",
    });
    data.resources[1].parent = "arn:aws:ec2:us-east-2:111111111111:vpc/vpc-gone";
    const err = errorOf(() => parseSnapshot(JSON.stringify(data), "bad.json"));
    const all = err.details.join("\n");
    expect(all).toMatch(
      /edges\[\d+\]\.to: dangling uses edge: arn:aws:ec2:us-east-2:111111111111:instance\/i-gone is not a resource in this snapshot/,
    );
    expect(all).toContain(
      "resources[1].parent: parent arn:aws:ec2:us-east-2:111111111111:vpc/vpc-gone is not a resource in this snapshot",
    );
  });

  it("round-trips notes on resources, and refuses a note on a resource that is not there", () => {
    const data = JSON.parse(serializeSnapshot(small()));
    data.notes = [{ resource: data.resources[0].id, note: "stale AWS Config item" }];
    expect(parseSnapshot(JSON.stringify(data), "ok.json").notes).toEqual(data.notes);
    data.notes.push({ resource: "arn:aws:ec2:us-east-2:111111111111:instance/i-gone", note: "x" });
    const err = errorOf(() => parseSnapshot(JSON.stringify(data), "bad.json"));
    expect(err.details.join("\n")).toContain(
      "notes[1].resource: note on arn:aws:ec2:us-east-2:111111111111:instance/i-gone, which is not a resource in this snapshot",
    );
  });

  it("explains a truncated file with its last line", () => {
    const text = serializeSnapshot(small());
    const cut = text.slice(0, Math.floor(text.length / 2));
    const err = errorOf(() => parseSnapshot(cut, "cut.json"));
    expect(err.message).toMatch(/truncated/);
    expect(err.where?.line).toBe(cut.split("\n").length);
  });

  it("points at the line of a syntax error", () => {
    const err = errorOf(() => parseSnapshot('{\n  "schemaVersion": 1,\n  "scannedAt": }\n', "syntax.json"));
    expect(err.message).toMatch(/^the snapshot is not valid JSON/);
    expect(err.where?.line).toBe(3);
  });

  it("rejects another schema version with a clear message", () => {
    const data = JSON.parse(serializeSnapshot(small()));
    data.schemaVersion = 2;
    expect(errorOf(() => parseSnapshot(JSON.stringify(data), "v2.json")).message).toMatch(
      /unsupported snapshot schemaVersion 2/,
    );
  });
});

describe("serializeSnapshot", () => {
  it("is deterministic whatever the input order", () => {
    const snap = small();
    const shuffled = { ...snap, resources: [...snap.resources].reverse(), edges: [...snap.edges].reverse() };
    expect(serializeSnapshot(shuffled)).toBe(serializeSnapshot(snap));
  });
});

describe("loadSnapshot / saveSnapshot", () => {
  it("saves atomically and loads back; a missing file is an InputError", async () => {
    const dir = tempDir("asbuilt-io-");
    const file = join(dir, "s.json");
    await saveSnapshot(file, small());
    expect(await readdir(dir)).toEqual(["s.json"]);
    expect(serializeSnapshot(await loadSnapshot(file))).toBe(await readFile(file, "utf8"));
    await expect(loadSnapshot(join(dir, "missing.json"))).rejects.toThrow(/no such snapshot file/);
  });
});

describe("output paths", () => {
  const inputError = async (p: Promise<unknown>) => {
    const err = await p.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InputError);
    return err as InputError;
  };

  it("a file may be new or replaced, in a folder that exists; never a folder, never under a missing one", async () => {
    const dir = tempDir("asbuilt-io-");
    await expect(checkOutputFile(join(dir, "new.json"))).resolves.toBeUndefined();
    const missing = await inputError(checkOutputFile(join(dir, "no", "such", "f.json")));
    expect(missing.where?.file).toBe(join(dir, "no", "such", "f.json"));
    expect(missing.format()).toMatch(/the folder .*no\/such does not exist[\s\S]*mkdir -p/);
    expect((await inputError(checkOutputFile(dir, "findings.txt"))).fix).toContain(join(dir, "findings.txt"));
    await writeFile(join(dir, "plain"), "x");
    expect((await inputError(checkOutputFile(join(dir, "plain", "f.json")))).message).toMatch(
      /is a file, not a folder/,
    );
  });

  it("several files go into a folder that exists or is created, but never into a file or a missing parent", async () => {
    const dir = tempDir("asbuilt-io-");
    await writeFile(join(dir, "taken"), "x");
    expect((await inputError(checkOutputDir(join(dir, "taken"), "2 formats"))).message).toBe(
      "is a file, but 2 formats need a folder to be written into.",
    );
    await inputError(checkOutputDir(join(dir, "a", "b"), "2 formats"));
    await writeFilesInto(
      join(dir, "reports"),
      [
        { name: "x.txt", content: "1" },
        { name: "y.txt", content: "2" },
      ],
      "2 formats",
    );
    expect((await readdir(join(dir, "reports"))).sort()).toEqual(["x.txt", "y.txt"]);
  });

  it("writes all the files or none, and leaves no temp file behind", async () => {
    const dir = tempDir("asbuilt-io-");
    await mkdir(join(dir, "in-the-way.sarif"));
    const err = await inputError(
      writeFilesAtomic([
        { file: join(dir, "findings.json"), content: "{}" },
        { file: join(dir, "in-the-way.sarif"), content: "{}" },
      ]),
    );
    expect(err.where?.file).toBe(join(dir, "in-the-way.sarif"));
    expect(await readdir(dir)).toEqual(["in-the-way.sarif"]);
    // A folder asbuilt created for the reports goes again when the writing fails.
    const reports = join(dir, "reports");
    await inputError(writeFilesInto(reports, [{ name: "in-the-way.sarif/x", content: "" }], "2 formats"));
    expect(await readdir(dir)).toEqual(["in-the-way.sarif"]);
  });

  it("names the path the user gave and what to do, for each way a write fails", () => {
    const cases: [string, RegExp][] = [
      ["EACCES", /permission denied/],
      ["EPERM", /not permitted/],
      ["EROFS", /read-only/],
      ["ENOSPC", /no space left/],
      ["EISDIR", /it is a folder/],
      ["EIO", /EIO/],
    ];
    for (const [code, pattern] of cases) {
      const err = outputError(
        Object.assign(new Error(`${code}: open '/x/.f.json.abc.tmp'`), { code }),
        "out/f.json",
      );
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).format()).toMatch(
        new RegExp(`^out/f\\.json: cannot be written: .*${pattern.source}`),
      );
      expect((err as InputError).format()).not.toContain(".tmp");
    }
    const bug = new TypeError("not an I/O error");
    expect(outputError(bug, "f.json")).toBe(bug);
  });
});
