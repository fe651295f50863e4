/** "1 file", "3 files": its own module, so commands that only count (import, merge) do not load the reports. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
