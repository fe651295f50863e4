import { checkOutputFile, loadSnapshot, saveSnapshot } from "../model/io.ts";
import { mergeSnapshots } from "../model/merge.ts";
import { terminalSafe } from "../report/escape.ts";
import { plural } from "../report/plural.ts";
import { EXIT } from "./common.ts";

/** `asbuilt merge a.json b.json -o all.json`: validates every input before writing anything. */
export async function runMerge(
  files: string[],
  output: string,
  stderr: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  await checkOutputFile(output, "merged.json");
  const inputs = await Promise.all(files.map((f) => loadSnapshot(f)));
  const { snapshot, conflicts } = mergeSnapshots(inputs);
  await saveSnapshot(output, snapshot);
  stderr.write(
    `asbuilt merge: ${plural(files.length, "snapshot")} → ${plural(snapshot.resources.length, "resource")} in ${plural(snapshot.scope.accounts.length, "account")} → ${terminalSafe(output)}\n`,
  );
  if (conflicts.length > 0) {
    stderr.write(
      `${conflicts.length} resource(s) appeared in several inputs with different content; the most recent scan's copy was kept:\n`,
    );
    for (const id of conflicts.slice(0, 20)) stderr.write(`  ${terminalSafe(id)}\n`);
  }
  return EXIT.ok;
}
