/**
 * Family H (2026.6+): where OpenClaw keeps auth (branches.md §H: auth_store_migration,
 * state_dir_mismatch). Signals come from real 8.1 and 9.6 captures: the `requires legacy
 * credential migration` error on every auth command, doctor's `Auth profile SQLite migration`
 * note, and the ≥9.1 state-directory guard.
 */
import type { Signal } from '../signal-types.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';

const DOCS_AUTH = 'https://docs.openclaw.ai/gateway/authentication';
const MIGRATION_TEXT = 'requires legacy credential migration';

/** The migration error that blocks every auth command (a line, a `--json` object, doctor's run failure). */
const MIGRATION_BLOCKS = {
  fact: 'auth_store_migration',
  reason: '`{quote}`{? (affected providers: {affectedProviders|list})}: OpenClaw refuses to read credentials until the old JSON file is imported.',
  specificity: 3,
} as const;
const NO_USABLE_API_KEY = 'no usable api-key authentication';
const SPLIT_BRAIN = {
  error: ['route_unresolved'],
  where: { message: { re: NO_USABLE_API_KEY } },
  reason: '`{quote}` right after an upgrade (`{with}`): the credentials are in a store the runtime no longer reads.',
  text: '8.2 split-brain: `requires api-key auth: No usable api-key authentication is available …` right after the user upgraded',
  specificity: 2,
} as const;

/**
 * A signal twice: with an upgrade to ≥6.5 (the SQLite store) said, and with an upgrade said
 * without its version. `with` is added; the signal's own fields stay as written.
 */
const afterUpgrade = <S extends Omit<Signal, 'with'>>(signal: S): Signal[] =>
  [{ atLeast: '2026.6.5' }, { any: [null] }].map((value) => ({ ...signal, with: { statement: ['upgraded'], where: { value } } }) as Signal);

const NOT_IMPORTED = 'since 2026.6.5 OpenClaw reads credentials only from this SQLite store, and nothing imported your `auth-profiles.json`.';
const NOT_CARRIED = 'since 2026.6.5 OpenClaw keeps credentials in SQLite, and the upgrade did not carry your profiles into the store it now reads.';

/** 6.5–7.x: `models status` reads an empty per-agent SQLite store, and the user had profiles before (#100067). */
const EMPTY_AFTER_IMPORT = {
  fact: 'agent_store_empty',
  versions: '2026.6.5–2026.7.x',
  quote: 'Auth store : {authStore}',
  specificity: 2,
} as const;

const LIST_EMPTY_AFTER_UPGRADE = {
  fact: 'auth_list_empty',
  versions: '≥2026.6.5',
  quote: 'Profiles: (none)',
  reason: `\`{quote}\` right after your upgrade (\`{with}\`): ${NOT_CARRIED}`,
  text: '`models auth list` prints `Profiles: (none)` right after an upgrade to ≥6.5 (#135581)',
  specificity: 2,
} as const;
const PROFILES_GONE_AFTER_UPGRADE = {
  statement: ['profiles_gone'],
  versions: '≥2026.6.5',
  reason: `\`{quote}\`, after your upgrade: ${NOT_CARRIED}`,
  text: 'the user says the profiles are gone (`Profiles: (none)`, "loses all auth profiles") right after an upgrade to ≥6.5 (#135581)',
  specificity: 1,
} as const;

export const authStoreMigration: Rule = {
  id: 'auth_store_migration',
  family: 'auth-store',
  title: 'Your saved credentials were never imported into the SQLite store',
  priority: 45,
  beats: ['no_credentials', 'agent_auth_missing', 'auth_store_malformed', 'stale_order_override', 'default_model_without_auth'],
  then: '`openclaw models status` must list the profile (`Auth store` `.sqlite`); if doctor printed no `Migrated auth profile JSON …` line on 8.1–8.2, stop the Gateway first',
  docs: DOCS_AUTH,
  commands: [{ kind: 'openclaw', template: 'openclaw doctor --fix', since: '2026.6.5' }],
  signals: [
    {
      ...MIGRATION_BLOCKS,
      where: { via: { none: ['doctor_note'] }, storePath: { re: '.' } },
      quote: `Auth profile store … ${MIGRATION_TEXT}`,
      text: '≥8.1 `Auth profile store <path>/openclaw-agent.sqlite requires legacy credential migration; run openclaw doctor --fix.` (≥9.4 adds `affected providers: <p>`), as a line or doctor\'s `doctor:auth-profiles run failed: …`',
    },
    { ...MIGRATION_BLOCKS, where: { via: { none: ['doctor_note'] }, storePath: { any: [null] } }, quote: 'AUTH_PROFILE_MIGRATION_REQUIRED', text: 'the same as a `--json` error object (`AUTH_PROFILE_MIGRATION_REQUIRED`)' },
    {
      fact: 'auth_store_migration',
      latest: true,
      where: { migrated: true },
      verdict: 'ruled_out',
      reason: 'doctor printed `Migrated auth profile JSON …`: the import ran',
      text: 'doctor printed `Migrated auth profile JSON …`',
    },
    {
      fact: 'auth_store_migration',
      latest: true,
      reason: 'doctor lists your `auth-profiles.json` under `Auth profile SQLite migration`: since 2026.6.5 OpenClaw reads credentials only from SQLite, and nothing imported them yet.',
      text: '≥6.5 doctor note `Auth profile SQLite migration` listing legacy `auth-profiles.json` files, without a `Migrated auth profile JSON …` change',
    },
    // 8.2 split-brain: credentials exist, yet the route finds no usable api-key auth, and it began with an upgrade (to ≥6.5 when named).
    ...afterUpgrade(SPLIT_BRAIN),
    {
      ...EMPTY_AFTER_IMPORT,
      with: { statement: ['profiles_gone'] },
      reason: `\`{quote}\` holds no profile, and you wrote \`{with}\`: ${NOT_IMPORTED}`,
      text: '6.5–7.x `Auth store : …/openclaw-agent.sqlite` with no profile (`Missing auth`), while the user says the JSON profiles are still there or were lost',
    },
    {
      ...EMPTY_AFTER_IMPORT,
      with: { statement: ['upgraded'], where: { value: { atLeast: '2026.6.5' } } },
      reason: `\`{quote}\` holds no profile right after your upgrade (\`{with}\`): ${NOT_IMPORTED}`,
      text: '6.5–7.x right after an upgrade: `Auth store : …/openclaw-agent.sqlite` with no profile (`Missing auth`)',
    },
    // #135581 (8.2): `Profiles: (none)` from `models auth list` right after an upgrade to ≥6.5.
    ...afterUpgrade(LIST_EMPTY_AFTER_UPGRADE),
    // The same said in words: "the agent loses all auth profiles" after an upgrade.
    ...afterUpgrade(PROFILES_GONE_AFTER_UPGRADE),
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw doctor --fix',
      why: 'It imports the old `auth-profiles.json` into the SQLite store, checks it and archives the file. Do not copy or edit `auth-profiles.json` by hand: OpenClaw no longer reads it.',
      then: 'Then `openclaw models status` must list the profile. If doctor printed no `Migrated auth profile JSON …` line (8.1–8.2 with a running Gateway), run `openclaw gateway stop`, `openclaw doctor --fix`, `openclaw gateway start`.',
    },
  ],
};

const FIX_DIR = 'OPENCLAW_STATE_DIR=<gateway-state-dir>';
const FIX_BOTH = 'OPENCLAW_STATE_DIR=<gateway-state-dir> OPENCLAW_CONFIG_PATH=<gateway-config>';
const FIX_WHY = "That is OpenClaw's own Fix line: it points the CLI at the Gateway's store. Add back the flags you used the first time.";
const FIX_TYPED_WHY = "That is OpenClaw's own Fix line, with your command's flags: it points the CLI at the Gateway's store.";

export const stateDirMismatch: Rule = {
  id: 'state_dir_mismatch',
  family: 'auth-store',
  title: 'The CLI and the Gateway use different state directories',
  priority: 50,
  beats: ['no_credentials', 'auth_store_migration', 'agent_auth_missing'],
  signals: [
    {
      fact: 'state_dir_guard',
      where: { guard: 'refused' },
      versions: '≥2026.9.1',
      quote: 'No credentials or configuration were written. … (CLI: {cliStateDir}; Gateway: {gatewayStateDir})',
      reason: '`{quote}`: the CLI writes to another store than the Gateway reads.',
      text: '`No credentials or configuration were written. CLI and <live Gateway|installed Gateway service> use different state directories (CLI: <a>; Gateway: <b>)…`',
      specificity: 3,
    },
    {
      fact: 'state_dir_guard',
      where: { guard: 'different' },
      reason: 'OpenClaw warns that the CLI and the Gateway use different state or config paths.',
      text: '≥9.1 `CLI and <source> use different … Local commands may read or write state the Gateway does not use.`',
    },
    {
      fact: 'gateway_status',
      where: { configCli: { differs: 'configService' } },
      quotes: { cli: 'Config (cli): {configCli}', service: 'Config (service): {configService}' },
      reason: '`{cli}` ≠ `{service}`: the CLI and the Gateway read different files.',
      text: '`openclaw gateway status` shows `Config (cli): X` ≠ `Config (service): Y`',
    },
    {
      error: ['route_unresolved'],
      where: { message: { re: `^(?![\\s\\S]*${NO_USABLE_API_KEY})` } },
      with: { statement: ['custom_state_dir'] },
      reason: '`{quote}` with a custom state directory (`{with}`): the Gateway resolves auth from another store than the one the CLI wrote.',
      text: '≥8.1 `No route-compatible authentication source is configured for <p>.` / `Explicit auth order for <p> has no usable profiles.` while the user runs OpenClaw with a custom `OPENCLAW_STATE_DIR` / `OPENCLAW_CONFIG_PATH` / `OPENCLAW_HOME`',
      specificity: 2,
    },
  ],
  then: '`OPENCLAW_STATE_DIR=<Gateway dir> OPENCLAW_CONFIG_PATH=<Gateway config> openclaw models status` must list the profile; to keep one store, `openclaw gateway install --force` from the right environment',
  docs: 'https://docs.openclaw.ai/gateway/troubleshooting',
  commands: [],
  steps: [
    {
      versions: 'any',
      command: 'openclaw gateway status',
      why: 'Compare `Config (cli):` with `Config (service):` — the Gateway only sees credentials written to its own state directory.',
      then: "Paste both lines; the fix is to run the CLI with the Gateway's `OPENCLAW_STATE_DIR` / `OPENCLAW_CONFIG_PATH`.",
    },
    // ≥9.1 refusal: OpenClaw's own Fix line (the Gateway's state dir, and config path when it names one).
    { case: 'refused', versions: 'any', command: `${FIX_DIR} <command>`, why: FIX_WHY, then: `Then \`${FIX_DIR} openclaw models status\` must list the profile.` },
    { case: 'refused_typed', versions: 'any', command: `${FIX_DIR} <command>`, why: FIX_TYPED_WHY, then: `Then \`${FIX_DIR} openclaw models status\` must list the profile.` },
    { case: 'refused_config', versions: 'any', command: `${FIX_BOTH} <command>`, why: FIX_WHY, then: `Then \`${FIX_BOTH} openclaw models status\` must list the profile.` },
    { case: 'refused_config_typed', versions: 'any', command: `${FIX_BOTH} <command>`, why: FIX_TYPED_WHY, then: `Then \`${FIX_BOTH} openclaw models status\` must list the profile.` },
  ],
  stepCase(ctx) {
    const fix = refusedFix(ctx.view);
    if (!fix) return undefined;
    return `refused${fix.refused.gatewayConfig ? '_config' : ''}${fix.typed ? '_typed' : ''}`;
  },
  values(ctx) {
    const fix = refusedFix(ctx.view);
    return { '<gateway-state-dir>': fix?.refused.gatewayStateDir, '<gateway-config>': fix?.refused.gatewayConfig, '<command>': fix?.typed ?? fix?.path };
  },
};

/**
 * The refused command to rerun against the Gateway's store: the ≥9.1 refusal (with the Gateway's
 * state dir) and the command as the user typed it, if pasted (the Fix line drops its flags).
 */
function refusedFix(view: EvidenceView) {
  const refused = view.all('state_dir_guard').filter((g) => g.guard === 'refused' && g.gatewayStateDir).at(-1);
  if (!refused?.gatewayStateDir) return undefined;
  const path = refused.command ?? 'openclaw models status';
  const typed = view
    .all('command_run')
    .map((c) => c.command.replace(/^(?:[A-Z_][A-Z0-9_]*=\S* )+/, ''))
    .filter((c) => c === path || c.startsWith(`${path} `))
    .at(-1);
  return { refused, path, typed };
}
