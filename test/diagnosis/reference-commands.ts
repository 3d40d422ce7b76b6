/**
 * What the reference says exists (openclaw-cli.md §2, §5, §5.0, §7, §9): `openclaw` subcommands
 * with the flags listed for them, plus the short lists of shell, TUI and `claude` steps a rule may
 * emit. `checkCommand` says why a command is not one of them, or null when it is.
 */

interface OpenclawCommand {
  path: string[];
  /** Flags it takes; `true` = takes a value, `false` = a switch. */
  flags: Record<string, boolean>;
  /** How many positional arguments after the path. */
  positionals: [min: number, max: number];
  /** Flags that exist only from a version on (§9). */
  flagsSince?: Record<string, string>;
  /** The subcommand itself exists only from this version on (§10.9). */
  since?: string;
}

const S = false;
const V = true;

export const OPENCLAW: OpenclawCommand[] = [
  { path: ['--version'], flags: {}, positionals: [0, 0] },
  { path: ['update'], flags: {}, positionals: [0, 0] },
  { path: ['tui'], flags: {}, positionals: [0, 0] },
  {
    path: ['onboard'],
    flags: {
      '--non-interactive': S, '--accept-risk': S, '--flow': V, '--mode': V, '--auth-choice': V, '--anthropic-api-key': V,
      '--token-provider': V, '--token': V, '--token-profile-id': V, '--token-expires-in': V, '--secret-input-mode': V, '--reset': S, '--json': S,
    },
    positionals: [0, 0],
  },
  {
    path: ['models', 'status'],
    flags: { '--json': S, '--plain': S, '--check': S, '--probe': S, '--probe-provider': V, '--probe-profile': V, '--probe-timeout': V, '--probe-concurrency': V, '--probe-max-tokens': V, '--agent': V },
    positionals: [0, 0],
  },
  { path: ['models', 'list'], flags: { '--all': S, '--local': S, '--provider': V, '--json': S, '--plain': S }, positionals: [0, 0] },
  { path: ['models', 'fallbacks', 'add'], flags: {}, positionals: [1, 1] },
  // ≥5.28 (§10.9); on 6.5–7.x `--agent <id>` must come before the subcommand (§10.1, run 6.11).
  { path: ['models', 'auth', '--agent'], flags: { '--provider': V, '--profile-id': V }, positionals: [2, 2], since: '2026.5.28' },
  { path: ['models', 'auth', 'order', 'get'], flags: { '--provider': V, '--agent': V, '--json': S }, positionals: [0, 0] },
  { path: ['models', 'auth', 'order', 'set'], flags: { '--provider': V, '--agent': V }, positionals: [1, 9] },
  { path: ['models', 'auth', 'order', 'clear'], flags: { '--provider': V, '--agent': V }, positionals: [0, 0] },
  { path: ['models', 'auth', 'paste-token'], flags: { '--provider': V, '--profile-id': V, '--expires-in': V }, positionals: [0, 0] },
  // openclaw-cli.md §2, §10.9: from 5.28 (`--profile-id` default `<provider>:manual`).
  { path: ['models', 'auth', 'paste-api-key'], flags: { '--provider': V, '--profile-id': V, '--agent': V }, positionals: [0, 0], since: '2026.5.28' },
  { path: ['models', 'auth', 'setup-token'], flags: { '--provider': V, '--yes': S }, positionals: [0, 0] },
  {
    path: ['models', 'auth', 'login'],
    flags: { '--provider': V, '--method': V, '--set-default': S, '--profile-id': V, '--device-code': S, '--force': S },
    positionals: [0, 0],
    // §10.9: `--profile-id`/`--device-code` 5.28, `--force` 6.1.
    flagsSince: { '--method': '2026.3.26', '--profile-id': '2026.5.28', '--device-code': '2026.5.28', '--force': '2026.6.1' },
  },
  { path: ['configure'], flags: { '--section': V }, positionals: [0, 0] },
  { path: ['doctor'], flags: { '--yes': S, '--repair': S, '--fix': S, '--force': S, '--non-interactive': S, '--deep': S }, positionals: [0, 0] },
  { path: ['gateway', 'restart'], flags: {}, positionals: [0, 0] },
  // openclaw-cli.md §10.1, §10.11 (8.1–9.6): stop/start around doctor --fix, reinstall the service.
  { path: ['gateway', 'stop'], flags: {}, positionals: [0, 0] },
  { path: ['gateway', 'start'], flags: {}, positionals: [0, 0] },
  { path: ['gateway', 'install'], flags: { '--force': S }, positionals: [0, 0] },
  { path: ['gateway', 'status'], flags: { '--deep': S, '--json': S, '--require-rpc': S }, positionals: [0, 0] },
  { path: ['logs'], flags: { '--follow': S, '--limit': V, '--json': S, '--plain': S, '--local-time': S }, positionals: [0, 0] },
  { path: ['config', 'get'], flags: { '--json': S }, positionals: [1, 1] },
  { path: ['config', 'set'], flags: { '--strict-json': S, '--json': S }, positionals: [2, 2] },
  { path: ['channels', 'status'], flags: { '--probe': S, '--timeout': V, '--json': S }, positionals: [0, 0] },
  { path: ['pairing', 'list'], flags: { '--channel': V, '--account': V, '--json': S }, positionals: [0, 1] },
  { path: ['pairing', 'approve'], flags: { '--channel': V, '--account': V, '--notify': S }, positionals: [1, 2] },
  { path: ['agent'], flags: { '-m': V, '--agent': V, '--local': S, '--json': S }, positionals: [0, 0] },
  { path: ['status'], flags: { '--json': S, '--all': S, '--usage': S, '--deep': S }, positionals: [0, 0] },
];

/** Shell steps a rule may emit (branches.md: `echo … >> ~/.openclaw/.env`, `export`, `read -rs`, `ssh`, `cp`). */
export const SHELL: RegExp[] = [
  /^export ANTHROPIC_API_KEY="\$\(pbpaste \| tr -d '\\r\\n'\)"$/,
  /^read -rs ([A-Z][A-Z0-9_]+) && export \1$/,
  /^echo '(?:[A-Z][A-Z0-9_]+|<VAR>|<RIGHT_NAME>)=<(?:your key|value)>' >> ~\/\.openclaw\/\.env$/,
  /^ssh \S+$/,
  // ≥9.1 state-directory guard: rerun the refused command against the Gateway's store (§10.11).
  /^OPENCLAW_STATE_DIR=\S+(?: OPENCLAW_CONFIG_PATH=\S+)? (?:openclaw [\w :.-]+|<command>)$/,
  /^cp ~\/\.openclaw\/agents\/main\/agent\/auth-profiles\.json ~\/\.openclaw\/agents\/\S+\/agent\/auth-profiles\.json$/,
];

/** TUI steps: slash commands and `!openclaw …` (checked as openclaw commands). */
export const TUI_SLASH = new Set(['/reset', '/new', '/model']);

/** `claude …` commands (Claude Code). */
export const CLAUDE = new Set(['claude setup-token', 'claude auth login']);

/** Splits a command line into tokens, keeping quoted strings whole. */
export function tokenize(command: string): string[] {
  const out: string[] = [];
  const re = /"(?:[^"\\]|\\.)*"|'[^']*'|\S+/g;
  for (const m of command.matchAll(re)) out.push(m[0]);
  return out;
}

function newer(a: string, b: string): boolean {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) > (pb[i] ?? 0);
  return true;
}

/** Why an `openclaw …` command is not in the reference (null = it is), for `version` when known. */
export function checkOpenclaw(command: string, version: string | null = null): string | null {
  const tokens = tokenize(command);
  if (tokens[0] !== 'openclaw') return `not an openclaw command: ${command}`;
  const args = tokens.slice(1);
  const match = OPENCLAW.filter((c) => c.path.every((p, i) => args[i] === p)).sort((a, b) => b.path.length - a.path.length)[0];
  if (!match) return `unknown subcommand: ${command}`;
  if (match.since && version && !newer(version, match.since)) return `openclaw ${match.path.join(' ')} needs OpenClaw ${match.since}+, thread shows ${version}`;
  let positionals = 0;
  for (let i = match.path.length; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-')) {
      if (!(a in match.flags)) return `flag ${a} is not listed for openclaw ${match.path.join(' ')}`;
      const since = match.flagsSince?.[a];
      if (since && version && !newer(version, since)) return `flag ${a} needs OpenClaw ${since}+, thread shows ${version}`;
      if (match.flags[a]) i++;
    } else positionals++;
  }
  const [min, max] = match.positionals;
  if (positionals < min || positionals > max) return `openclaw ${match.path.join(' ')} takes ${min}-${max} arguments, got ${positionals}: ${command}`;
  return null;
}

/** Why a step of the given kind is not allowed (null = allowed). */
export function checkCommand(kind: 'openclaw' | 'shell' | 'tui' | 'claude', command: string, version: string | null = null): string | null {
  switch (kind) {
    case 'openclaw':
      return checkOpenclaw(command, version);
    case 'shell':
      return SHELL.some((re) => re.test(command)) ? null : `shell step not in the list: ${command}`;
    case 'tui':
      if (command.startsWith('!')) return checkOpenclaw(command.slice(1), version);
      // §10.12: `/model <model>@<profileId>` re-pins a session (`-s` = this session only).
      if (/^\/model \S+@\S+( -s)?$/.test(command)) return null;
      return TUI_SLASH.has(command) ? null : `TUI step not in the list: ${command}`;
    case 'claude':
      return CLAUDE.has(command) ? null : `claude command not in the list: ${command}`;
  }
}

/** The kind of a typed command line (for rendered `next_command` values). */
export function kindOf(command: string): 'openclaw' | 'shell' | 'tui' | 'claude' {
  if (command.startsWith('openclaw ')) return 'openclaw';
  if (command.startsWith('!') || command.startsWith('/')) return 'tui';
  if (command.startsWith('claude ')) return 'claude';
  return 'shell';
}
