/**
 * Family H (2026.6+): where OpenClaw keeps auth (branches.md §H: auth_store_migration,
 * state_dir_mismatch). Signals come from real 8.1 and 9.6 captures: the `requires legacy
 * credential migration` error on every auth command, doctor's `Auth profile SQLite migration`
 * note, and the ≥9.1 state-directory guard.
 */
import { msg, q } from '../reason.ts';
import { because, errorQuote, errorsWith, statements } from '../signals.ts';
import { compareVersions } from '../versions.ts';
import type { Rule, Verdict } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { confirmed, ruledOut } from '../verdict.ts';

const DOCS_AUTH = 'https://docs.openclaw.ai/gateway/authentication';
const MIGRATION_TEXT = 'requires legacy credential migration';

export const authStoreMigration: Rule = {
  id: 'auth_store_migration',
  family: 'auth-store',
  title: 'Your saved credentials were never imported into the SQLite store',
  priority: 45,
  beats: ['no_credentials', 'agent_auth_missing', 'auth_store_malformed', 'stale_order_override', 'default_model_without_auth'],
  whenSignals: [
    '≥8.1 `Auth profile store <path>/openclaw-agent.sqlite requires legacy credential migration; run openclaw doctor --fix.` (≥9.4 adds `affected providers: <p>`), as a line, a `--json` error object or doctor\'s `doctor:auth-profiles run failed: …`',
    '≥6.5 doctor note `Auth profile SQLite migration` listing legacy `auth-profiles.json` files, without a `Migrated auth profile JSON …` change',
    '8.2 split-brain: `requires api-key auth: No usable api-key authentication is available …` right after the user upgraded (to ≥6.5 when named)',
  ],
  then: '`openclaw models status` must list the profile (`Auth store` `.sqlite`); if doctor printed no `Migrated auth profile JSON …` line on 8.1–8.2, stop the Gateway first',
  docs: DOCS_AUTH,
  commands: [{ kind: 'openclaw', template: 'openclaw doctor --fix', since: '2026.6.5' }],
  when(view) {
    const facts = view.all('auth_store_migration');
    const blocking = facts.filter((f) => f.via !== 'doctor_note').at(-1);
    if (blocking) {
      const scope = blocking.affectedProviders?.length ? ` (affected providers: ${blocking.affectedProviders.join(', ')})` : '';
      const quote = blocking.storePath ? `Auth profile store … ${MIGRATION_TEXT}` : 'AUTH_PROFILE_MIGRATION_REQUIRED';
      return confirmed(3, because(msg`${q(quote)}${scope}: OpenClaw refuses to read credentials until the old JSON file is imported.`, blocking));
    }
    const note = facts.at(-1);
    if (!note) return splitBrain(view);
    if (note.migrated) return ruledOut(because('doctor printed `Migrated auth profile JSON …`: the import ran', note));
    return confirmed(2, because('doctor lists your `auth-profiles.json` under `Auth profile SQLite migration`: since 2026.6.5 OpenClaw reads credentials only from SQLite, and nothing imported them yet.', note));
  },
  steps: [
    {
      versions: 'any',
      command: 'openclaw doctor --fix',
      why: 'It imports the old `auth-profiles.json` into the SQLite store, checks it and archives the file. Do not copy or edit `auth-profiles.json` by hand: OpenClaw no longer reads it.',
      then: 'Then `openclaw models status` must list the profile. If doctor printed no `Migrated auth profile JSON …` line (8.1–8.2 with a running Gateway), run `openclaw gateway stop`, `openclaw doctor --fix`, `openclaw gateway start`.',
    },
  ],
};

/** 8.2: credentials exist, yet the route finds no usable api-key auth, and it began with an upgrade. */
function splitBrain(view: EvidenceView): Verdict | null {
  const err = errorsWith(view, 'route_unresolved').filter((e) => /no usable api-key authentication/i.test(e.message)).at(-1);
  const upgrade = statements(view, 'upgraded').find((s) => !s.value || compareVersions(s.value, '2026.6.5') >= 0);
  if (!err || !upgrade) return null;
  return confirmed(2, because(msg`${q(errorQuote(err))} right after an upgrade (${q(upgrade.quote)}): the credentials are in a store the runtime no longer reads.`, err, upgrade));
}

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
  ],
  whenSignals: [
    // Kept in code until a real capture shows it: a declared signal must match real input (test/diagnosis/signals-exercised.test.ts).
    '≥9.1 `CLI and <source> use different … Local commands may read or write state the Gateway does not use.` (no real capture yet)',
    'any: `openclaw gateway status` shows `Config (cli): X` ≠ `Config (service): Y`',
    '≥8.1 `No route-compatible authentication source is configured for <p>.` / `Explicit auth order for <p> has no usable profiles.` while the user runs OpenClaw with a custom `OPENCLAW_STATE_DIR` / `OPENCLAW_CONFIG_PATH` / `OPENCLAW_HOME`',
  ],
  then: '`OPENCLAW_STATE_DIR=<Gateway dir> OPENCLAW_CONFIG_PATH=<Gateway config> openclaw models status` must list the profile; to keep one store, `openclaw gateway install --force` from the right environment',
  docs: 'https://docs.openclaw.ai/gateway/troubleshooting',
  commands: [],
  when(view) {
    const different = view.all('state_dir_guard').filter((g) => g.guard === 'different').at(-1);
    if (different) return confirmed(2, because('OpenClaw warns that the CLI and the Gateway use different state or config paths.', different));
    const gs = view.all('gateway_status').find((g) => g.configCli && g.configService && g.configCli !== g.configService);
    if (gs) return confirmed(2, because(msg`${q(`Config (cli): ${gs.configCli}`)} ≠ ${q(`Config (service): ${gs.configService}`)}: the CLI and the Gateway read different files.`, gs));
    const route = errorsWith(view, 'route_unresolved').filter((e) => !/no usable api-key authentication/i.test(e.message)).at(-1);
    const custom = statements(view, 'custom_state_dir').at(-1);
    if (route && custom) return confirmed(2, because(msg`${q(errorQuote(route))} with a custom state directory (${q(custom.quote)}): the Gateway resolves auth from another store than the one the CLI wrote.`, route, custom));
    return null;
  },
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
