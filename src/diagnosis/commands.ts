/**
 * Building the exact text a user types: placeholder filling from evidence, version awareness
 * (reference §9) and the TUI form (`!openclaw …`, one per message, §5.0).
 */
import type { CommandKind } from './types.ts';
import type { EvidenceView } from './view.ts';

/** Versions the advice changes at (openclaw-cli.md §9). */
export const VERSION = {
  /** `openclaw models auth login --provider anthropic --method cli` (Claude CLI reuse). */
  claudeCliMethod: '2026.3.26',
  /** The `(request_id: …)` suffix is gone from `HTTP <code> <type>: <msg>` lines. */
  noRequestIdSuffix: '2026.3.28',
  /** `order`/`lastGood`/`usageStats` live in `auth-state.json`; `order get` prints `Auth state file:`. */
  authStateFile: '2026.4.7',
} as const;

/** Numeric parts of `2026.3.13` / `2026.4.12-beta.1` (pre-release tags ignored); [] when unreadable. */
function parts(v: string): number[] {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(v.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [];
}

/**
 * True when `version` is known and at least `min`. Unknown or unreadable → false, so callers
 * fall back to the form that works on the 2026.3.13 baseline.
 */
export function versionAtLeast(version: string | null, min: string): boolean {
  if (!version) return false;
  const a = parts(version);
  const b = parts(min);
  if (a.length === 0 || b.length === 0) return false;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return true;
}

/** Name of the file holding the auth order for the user's version (§2, §9). */
export function authOrderFile(version: string | null): string {
  return versionAtLeast(version, VERSION.authStateFile) ? 'auth-state.json' : 'auth-profiles.json';
}

/** Where to find each placeholder when the evidence does not hold it (never a guess). */
export const WHERE_TO_FIND: Record<string, string> = {
  '<provider>': 'the provider is the part before `/` in the model name (`anthropic/claude-…` → `anthropic`); `openclaw models status` lists them',
  '<profile-id>': 'profile ids are the `name:id=` labels on the provider line of `openclaw models status` (e.g. `anthropic:default`)',
  '<id>': 'the agent id is in the error\'s `Auth store: …/agents/<id>/agent/…` path, or in the TUI footer (`agent <id>`)',
  '<agent-id>': 'the agent id is in the error\'s `Auth store: …/agents/<id>/agent/…` path, or in the TUI footer (`agent <id>`)',
  '<gateway-host>': 'the gateway host is the address in the TUI header (`openclaw tui - ws://<host>:<port> - …`), i.e. the VPS or server you set the gateway up on',
  '<provider/model>': 'pick a model of another provider you have a key for; `openclaw models list` shows them with `Auth yes`',
  '<CODE>': 'the code is in the `Code` column of `openclaw pairing list discord` (8 letters and digits, valid for 1 hour)',
  '<VAR>': 'the variable name is the one inside `ref(env:…)` on the `openclaw models status` provider line',
};

/**
 * Fills `<placeholders>` in a template. Values that are undefined stay as placeholders and are
 * returned in `missing` with where to find them.
 */
export function fill(
  template: string,
  values: Record<string, string | undefined>,
): { text: string; missing: { placeholder: string; where: string }[] } {
  const missing: { placeholder: string; where: string }[] = [];
  const text = template.replace(/<[A-Za-z/_-]{1,20}>/g, (ph) => {
    if (!(ph in values)) return ph;
    const v = values[ph];
    if (v !== undefined && v !== '') return v;
    const where = WHERE_TO_FIND[ph];
    if (where && !missing.some((m) => m.placeholder === ph)) missing.push({ placeholder: ph, where });
    return ph;
  });
  return { text, missing };
}

/**
 * An `openclaw …` command can run through the TUI's `!` local shell when the user is in the TUI,
 * the gateway is not remote (the `!` shell runs on the TUI's machine), and the command is neither
 * interactive (wizards, token prompts) nor endless (`logs --follow`).
 */
export function runsInTuiShell(command: string): boolean {
  if (!command.startsWith('openclaw ')) return false;
  return !/^openclaw (onboard|configure|tui)\b|models auth (paste-token|setup-token|login|add)\b|logs --follow|\bgateway run\b/.test(
    command,
  );
}

/**
 * The text to type next for a step: `!openclaw …` inside the TUI where that works, the command
 * as is otherwise; null for console actions, questions and "nothing to do".
 */
export function typedForm(view: EvidenceView, command: string, kind: CommandKind, remoteGateway: boolean): string {
  if (kind === 'openclaw' && view.inTui && !remoteGateway && runsInTuiShell(command)) return `!${command}`;
  return command;
}
