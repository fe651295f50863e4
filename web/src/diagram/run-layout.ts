import { applyPositions, layoutTree, type Positions } from "./layout.ts";
import type { GroupNode } from "./types.ts";

// Runs the layout in a Web Worker when the browser allows one, on the main thread otherwise.

let worker: Worker | undefined;
let workerBroken = false;
let next = 0;

export interface LayoutResult {
  width: number;
  height: number;
  ms: number;
  where: "worker" | "main thread";
}

function viaWorker(root: GroupNode): Promise<LayoutResult> {
  worker ??= new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  const w = worker;
  const id = ++next;
  return new Promise((resolve, reject) => {
    const onMessage = (
      e: MessageEvent<{ id: number; positions?: Positions; size?: LayoutResult; error?: string }>,
    ) => {
      if (e.data.id !== id) return;
      w.removeEventListener("message", onMessage);
      w.removeEventListener("error", onError);
      if (e.data.error || !e.data.positions || !e.data.size) reject(new Error(e.data.error ?? "no layout"));
      else {
        applyPositions(root, e.data.positions);
        resolve({ ...e.data.size, where: "worker" });
      }
    };
    const onError = (e: ErrorEvent) => {
      w.removeEventListener("message", onMessage);
      w.removeEventListener("error", onError);
      reject(new Error(e.message));
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", onError);
    w.postMessage({ id, root });
  });
}

export async function runLayout(root: GroupNode): Promise<LayoutResult> {
  if (!workerBroken && typeof Worker !== "undefined") {
    try {
      return await viaWorker(root);
    } catch {
      workerBroken = true;
      worker?.terminate();
      worker = undefined;
    }
  }
  const r = await layoutTree(root);
  return { ...r, where: "main thread" };
}
