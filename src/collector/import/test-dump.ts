import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const ACCOUNT = "123456789012";
export const REGION = "eu-west-1";

/** Writes an AWS CLI dump folder from file paths → bodies (objects are written as 4-space JSON, as CloudMapper does). */
export async function dump(files: Record<string, unknown>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "asbuilt-dir-"));
  for (const [path, body] of Object.entries(files)) {
    const file = join(root, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, typeof body === "string" ? body : JSON.stringify(body, null, 4));
  }
  return root;
}
