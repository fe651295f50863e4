import { useEffect, useState } from "react";
import type { DiagramData } from "./diagram/types.ts";
import { Viewer } from "./Viewer.tsx";

// Loads the two documents `asbuilt serve` publishes and hands them to the viewer.
export function App() {
  const [data, setData] = useState<DiagramData>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    const get = async (file: string) => {
      const res = await fetch(`data/${file}`);
      if (!res.ok) throw new Error(`data/${file}: HTTP ${res.status}`);
      return res.json();
    };
    Promise.all([get("snapshot.json"), get("findings.json")])
      .then(([snapshot, report]) => setData({ snapshot, report }))
      .catch((e: unknown) => setError(String(e)));
  }, []);
  if (error)
    return (
      <div className="message error" role="alert">
        Could not load the account data: {error}. Start the UI with <code>asbuilt serve snapshot.json</code>.
      </div>
    );
  if (!data) return <div className="message">Loading the account…</div>;
  return <Viewer data={data} />;
}
