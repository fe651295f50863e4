import { elkInstance, layoutTree, positionsOf } from "./layout.ts";
import type { GroupNode } from "./types.ts";

// Layout off the main thread: the page stays responsive while elk works on a large account.
// elk's bundled build, loaded inside a worker, installs itself as that worker's `self.onmessage` (to be
// elk's own worker); we run elk in-process here, so our listener uses addEventListener and elk's handler
// is removed once elk is loaded — otherwise it swallows every message after the first layout.
const ready = elkInstance().then(() => {
  self.onmessage = null;
});

self.addEventListener("message", async (e: MessageEvent<{ id: number; root: GroupNode }>) => {
  try {
    await ready;
    const size = await layoutTree(e.data.root);
    self.postMessage({ id: e.data.id, positions: positionsOf(e.data.root), size });
  } catch (err) {
    self.postMessage({ id: e.data.id, error: String(err) });
  }
});
