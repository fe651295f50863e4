import type { Command, Option } from "commander";
import { DIFF_FORMATS } from "../diff/format.ts";
import { FORMAT_NAMES } from "../report/names.ts";

// `asbuilt completion bash|zsh|fish`: shell completion generated from the commander definitions themselves,
// so a new command or flag completes without anyone editing a script. Commands, each command's flags, the
// values of flags that take one of a few (formats, severities), the demo's fixtures; files elsewhere.

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

const DEMO_FIXTURES = ["status-page", "coursedog", "beanstalk-app", "edroplets", "coherence"];
/** Flags whose value is one of a list (commander's own choices first). */
function valuesOf(o: Option, command: string): string[] | undefined {
  if (o.argChoices) return o.argChoices;
  if (o.long === "--format") return command === "diff" ? [...DIFF_FORMATS] : [...FORMAT_NAMES];
  if (o.long === "--fail-on") return ["low", "medium", "high", "critical", "none"];
  if (o.long === "--source") return ["live", "config"];
  return undefined;
}

interface Spec {
  name: string;
  summary: string;
  flags: { names: string[]; takesValue: boolean; values?: string[]; help: string }[];
  /** Values of the first argument, when it is one of a list (demo's fixture). */
  firstArg?: string[];
}

function specs(program: Command): Spec[] {
  return program.commands.map((c) => ({
    name: c.name(),
    summary: c.summary() || c.description().split("\n")[0] || "",
    flags: [
      ...c.options.map((o) => ({
        names: [o.short, o.long].filter((n): n is string => Boolean(n)),
        takesValue: o.required || o.optional,
        ...(valuesOf(o, c.name()) ? { values: valuesOf(o, c.name()) } : {}),
        help: o.description,
      })),
      { names: ["-h", "--help"], takesValue: false, help: "display help for command" },
    ],
    ...(c.name() === "demo" ? { firstArg: DEMO_FIXTURES } : {}),
  }));
}

export function completionScript(program: Command, shell: Shell): string {
  const s = specs(program);
  switch (shell) {
    case "bash":
      return bash(s);
    case "zsh":
      return zsh(s);
    case "fish":
      return fish(s);
    default: {
      const never: never = shell;
      throw new Error(`no completion for ${String(never)}`);
    }
  }
}

const sq = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

function bash(s: Spec[]): string {
  const cases = s
    .map((c) => {
      const withValues = c.flags.filter((f) => f.values);
      const valueCases = withValues
        .map(
          (f) =>
            `        ${f.names.join("|")}) COMPREPLY=($(compgen -W ${sq((f.values ?? []).join(" "))} -- "$cur")); return ;;`,
        )
        .join("\n");
      const takesFile = c.flags.filter((f) => f.takesValue && !f.values).flatMap((f) => f.names);
      return `    ${c.name})
      case "$prev" in
${valueCases ? `${valueCases}\n` : ""}${takesFile.length > 0 ? `        ${takesFile.join("|")}) COMPREPLY=($(compgen -f -- "$cur")); return ;;\n` : ""}      esac
      if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W ${sq(c.flags.flatMap((f) => f.names).join(" "))} -- "$cur"))
      else
        ${c.firstArg ? `[[ $COMP_CWORD -eq 2 ]] && { COMPREPLY=($(compgen -W ${sq(c.firstArg.join(" "))} -- "$cur")); return; }\n        ` : ""}COMPREPLY=($(compgen -f -- "$cur"))
      fi
      ;;`;
    })
    .join("\n");
  return `# asbuilt completion for bash: source it, or save it as a file in bash-completion's folder
#   source <(asbuilt completion bash)
_asbuilt() {
  local cur prev cmd
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  if [[ $COMP_CWORD -eq 1 ]]; then
    COMPREPLY=($(compgen -W ${sq(`${s.map((c) => c.name).join(" ")} --help --version`)} -- "$cur"))
    return
  fi
  cmd="\${COMP_WORDS[1]}"
  case "$cmd" in
${cases}
  esac
}
complete -o filenames -F _asbuilt asbuilt
`;
}

function zsh(s: Spec[]): string {
  // Inside an _arguments spec's [description] only brackets need a backslash; the spec is single-quoted, so a
  // quote in the text ends the quote, adds an escaped one, and starts a new one.
  const esc = (t: string) => t.replace(/[[\]\\]/g, (ch) => `\\${ch}`).replace(/'/g, "'\\''");
  const commands = s.map((c) => `    ${sq(`${c.name}:${c.summary.replace(/:/g, "\\:")}`)}`).join("\n");
  const perCommand = s
    .map((c) => {
      const args = c.flags
        .map((f) => {
          const value = f.takesValue ? (f.values ? `:value:(${f.values.join(" ")})` : ":file:_files") : "";
          const names = f.names.length > 1 ? `{${f.names.join(",")}}` : (f.names[0] ?? "");
          return `        ${f.names.length > 1 ? `'(${f.names.join(" ")})'` : ""}${names}'[${esc(f.help)}]${value}'`;
        })
        .join(" \\\n");
      const first = c.firstArg
        ? ` \\\n        '1:fixture:(${c.firstArg.join(" ")})'`
        : " \\\n        '*:file:_files'";
      return `    (${c.name})\n      _arguments \\\n${args}${first}\n      ;;`;
    })
    .join("\n");
  return `#compdef asbuilt
# asbuilt completion for zsh: save it as _asbuilt in a folder of $fpath, or
#   source <(asbuilt completion zsh)
_asbuilt() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'asbuilt command' commands
    return
  fi
  local cmd=$words[2]
  shift words
  (( CURRENT-- ))
  case $cmd in
${perCommand}
  esac
}
compdef _asbuilt asbuilt
`;
}

function fish(s: Spec[]): string {
  const fq = (t: string) => `"${t.replace(/["\\$]/g, (ch) => `\\${ch}`)}"`;
  const lines = [
    "# asbuilt completion for fish: save it as ~/.config/fish/completions/asbuilt.fish, or",
    "#   asbuilt completion fish | source",
    "complete -c asbuilt -f",
    ...s.map((c) => `complete -c asbuilt -n "__fish_use_subcommand" -a ${c.name} -d ${fq(c.summary)}`),
  ];
  for (const c of s) {
    const when = `-n "__fish_seen_subcommand_from ${c.name}"`;
    for (const f of c.flags) {
      const names = f.names
        .map((n) => (n.startsWith("--") ? `-l ${n.slice(2)}` : `-s ${n.slice(1)}`))
        .join(" ");
      const value = f.takesValue ? (f.values ? ` -x -a ${fq(f.values.join(" "))}` : " -r -F") : "";
      lines.push(`complete -c asbuilt ${when} ${names}${value} -d ${fq(f.help)}`);
    }
    if (c.firstArg) lines.push(`complete -c asbuilt ${when} -a ${fq(c.firstArg.join(" "))}`);
    else lines.push(`complete -c asbuilt ${when} -F`);
  }
  return `${lines.join("\n")}\n`;
}
