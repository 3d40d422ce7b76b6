/**
 * Family A (routing): the right key, but the wrong agent, gateway host or base URL (branches.md
 * §A: agent_auth_missing, wrong_host, custom_base_url). The model and session part is in
 * ./model-routing.ts.
 */
import { msg, q } from '../reason.ts';
import {
  anthropicRejections,
  because,
  effectiveCredential,
  errorQuote,
  errorsWith,
  gatewayRemote,
  impossibleHead,
  maskHead,
  nonMainAgent,
  providerLine,
  statements,
  threadProvider,
  xApiKeyRejections,
} from '../signals.ts';
import type { Rule } from '../types.ts';
import type { EvidenceView } from '../view.ts';
import { confirmed, possible, ruledOut } from '../verdict.ts';

const DOCS_FAQ = 'https://docs.openclaw.ai/help/faq';

export const agentAuthMissing: Rule = {
  id: 'agent_auth_missing',
  family: 'api-key',
  title: 'This agent has no credential of its own',
  priority: 55,
  beats: ['no_credentials', 'env_not_visible_to_service', 'api_key_invalid'],
  signals: [
    {
      error: ['no_api_key', 'no_api_key_resolved'],
      where: { agentId: { not: 'main' } },
      reason: '`{quote}`: the store of agent `{agentId}` has no key (auth is per agent).',
      text: '`No API key found for provider "<p>". Auth store: …/agents/<id>/agent/auth-profiles.json` with `<id>` ≠ main',
    },
  ],
  whenSignals: [
    '`models status --agent <id>` listing `Missing auth - <p>` with no profile or env key (else ruled out)',
    'a newly added agent, or a cron/hook lane, with `No API key found` while main works',
  ],
  then: "give the agent main's credentials (the command depends on the version: see the steps), then `openclaw gateway restart`",
  docs: DOCS_FAQ,
  commands: [],
  when(view) {
    const agentStatus = view.all('models_status').find((s) => s.agentId && s.agentId !== 'main');
    if (agentStatus) {
      const hasAuth = agentStatus.providers.some((p) => p.profiles.length > 0 || p.env);
      if (agentStatus.missingAuth.length > 0 && !hasAuth) {
        return confirmed(2, because(msg`\`models status --agent ${agentStatus.agentId ?? ''}\` lists ${q(`Missing auth - ${agentStatus.missingAuth[0]!.provider}`)}.`, agentStatus));
      }
      return ruledOut(because(msg`agent ${q(agentStatus.agentId!)} has its own credential`, agentStatus));
    }
    const said = statements(view, 'new_agent', 'cron_job').at(-1);
    const failing = errorsWith(view, 'no_api_key').at(-1) ?? anthropicRejections(view).at(-1);
    if (said?.topic === 'new_agent' && failing?.code === 'no_api_key') {
      return confirmed(1, because(msg`A new agent and ${q(errorQuote(failing))}: new agents do not inherit main's keys.`, said, failing));
    }
    if (said?.topic === 'cron_job' && failing?.code === 'no_api_key') {
      return confirmed(1, because(msg`A cron job and ${q(errorQuote(failing))}: jobs run with their own agent's auth store.`, said, failing));
    }
    if (said && failing) return possible(because(msg`${q(said.quote)}: jobs and new agents run with their own agent's store`, said, failing));
    // "Auth works in the main session but fails in cron": the job's agent has no credential of its own.
    const elsewhere = statements(view, 'works_elsewhere').at(-1);
    if (!said && elsewhere && failing) return possible(because(msg`${q(elsewhere.quote)}: a job or another agent has its own auth store`, elsewhere, failing));
    if (said && elsewhere) return confirmed(1, because(msg`${q(elsewhere.quote)}: a job or another agent runs with its own agent's auth store, not main's.`, said, elsewhere));
    return null;
  },
  // First the check (any version); once `--agent <id>` shows no credential, the copy step of the user's version.
  steps: [
    {
      versions: 'any',
      command: 'openclaw models status --agent <id>',
      why: 'Auth is per agent: this shows whether that agent has a credential of its own.',
      then: 'Paste what it prints; if it lists `Missing auth`, the next step gives that agent main\'s credentials.',
    },
    {
      case: 'agent_store_empty',
      versions: '≤2026.6.4',
      command: 'cp ~/.openclaw/agents/main/agent/auth-profiles.json ~/.openclaw/agents/<id>/agent/auth-profiles.json',
      commandKind: 'shell',
      runIn: 'gateway_host',
      why: 'Give agent `<id>` the credentials main already has (on the gateway host).',
      then: 'Then `openclaw gateway restart` and retry.',
    },
    {
      case: 'agent_store_empty',
      versions: '2026.6.5–2026.7.x',
      command: 'openclaw models auth --agent <id> paste-api-key --provider <provider> --profile-id <provider>:default',
      runIn: 'gateway_host',
      why: 'Since 2026.6.5 agents read credentials from SQLite, not `auth-profiles.json`: paste the key into agent `<id>`\'s store (`--agent` goes before `paste-api-key`).',
      then: 'Then `openclaw gateway restart` and retry.',
    },
    {
      case: 'agent_store_empty',
      versions: '≥2026.8.1',
      command: 'openclaw doctor --fix',
      runIn: 'gateway_host',
      why: "Since 2026.8.1 agents read main's shared profiles: doctor moves main's profiles into the shared store.",
      then: 'Then `openclaw models status --agent <id>`; if it still shows none, `openclaw models auth --agent <id> paste-api-key --provider <provider> --profile-id <provider>:default`.',
    },
    {
      case: 'agent_store_empty',
      versions: 'unknown',
      command: 'openclaw --version',
      why: "How an agent gets main's credentials changed twice (2026.6.5 and 2026.8.1): the version decides the command.",
      then: 'Paste the line it prints.',
    },
  ],
  stepCase: (ctx) => (ctx.view.all('models_status').some((s) => s.agentId && s.agentId !== 'main') && nonMainAgent(ctx.view) ? 'agent_store_empty' : undefined),
  values: (ctx) => ({ '<id>': nonMainAgent(ctx.view)?.id, '<provider>': threadProvider(ctx.view) ?? undefined }),
};

export const wrongHost: Rule = {
  id: 'wrong_host',
  family: 'api-key',
  title: 'The key was changed on this machine, but the gateway runs on another',
  priority: 52,
  beats: ['api_key_invalid'],
  whenSignals: ['the TUI/CLI talks to a remote gateway (non-loopback `ws://` URL, "VPS", "server") and the key was changed on the local machine'],
  then: '`openclaw models status` on the gateway host',
  docs: 'https://docs.openclaw.ai/gateway/troubleshooting',
  commands: [],
  when(view) {
    const remote = gatewayRemote(view);
    const failing = anthropicRejections(view).at(-1) ?? errorsWith(view, 'no_api_key').at(-1);
    if (!failing) return null;
    const place = view.latest('tui_header') ?? statements(view, 'gateway_local', 'gateway_remote').at(-1);
    if (remote === false) return ruledOut(because('the gateway runs on this machine', place));
    // The user changed something (or tried and it still fails) on the machine they are on.
    const changed = statements(view, 'reonboarded', 'edited_key', 'set_env_var', 'still_failing', 'didnt_work').at(-1);
    if (remote === true && (changed || view.failed.length > 0)) {
      return confirmed(view.latest('tui_header')?.remote ? 2 : 1, because('The gateway runs on another machine, and the key was changed here: the gateway still has the old one.', place, changed));
    }
    if (remote === true) return possible(because('the gateway runs on another machine', place, failing));
    // "It works in the terminal but not in Discord": the terminal and the gateway may not be one machine.
    const elsewhere = statements(view, 'works_elsewhere').at(-1);
    if (elsewhere && remote === null) return possible(because(msg`${q(elsewhere.quote)}: the gateway may run somewhere else than your terminal`, elsewhere, failing));
    return xApiKeyRejections(view).length > 0 ? possible(because(msg`${q(errorQuote(failing))}: the key that counts is the one on the gateway host`, failing)) : null;
  },
  steps: [
    {
      versions: 'any',
      command: 'ssh <gateway-host>',
      why: 'The gateway only uses the key stored on its own machine; run the onboarding there.',
      then: 'On the gateway host run `openclaw onboard`, then `openclaw models status` there.',
    },
  ],
  values(ctx) {
    const url = ctx.view.latest('tui_header')?.gatewayUrl;
    return { '<gateway-host>': url ? /^wss?:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/]+)/.exec(url)?.[1] : undefined };
  },
};

/** The newest `config get models.providers.anthropic…` value pasted. */
const anthropicConfig = (view: EvidenceView) => view.all('config_value').filter((v) => v.path.startsWith('models.providers.anthropic')).at(-1);

export const customBaseUrl: Rule = {
  id: 'custom_base_url',
  family: 'api-key',
  title: 'Anthropic requests go to a custom base URL or proxy',
  priority: 54,
  beats: ['api_key_invalid'],
  whenSignals: ['a non-default Anthropic base URL or proxy in config (`models.providers.anthropic.baseUrl`); 401 from a proxy'],
  then: 'remove or fix the `baseUrl` (§5 "Anthropic base URL"), `openclaw gateway restart`',
  docs: 'https://docs.openclaw.ai/concepts/model-providers',
  commands: [],
  when(view) {
    // A custom provider block (`"cloudflare-ai-gateway": { "baseUrl": … }`) and a request that reached it without a key.
    const block = statements(view, 'custom_base_url').find((b) => b.value && b.value !== 'anthropic');
    const keyless = errorsWith(view, 'no_auth_header', 'authentication_error', 'invalid_x_api_key', 'generic_failure').at(-1);
    if (block && keyless && view.all('config_value').length === 0) {
      return confirmed(1, because(msg`${q(errorQuote(keyless))} through the ${q(block.value!)} provider block, whose \`baseUrl\` is a proxy: the key did not reach it as that endpoint expects.`, keyless, block));
    }
    const cfg = anthropicConfig(view);
    if (cfg) {
      const url = /https?:\/\/[^\s"',}]+/.exec(cfg.value)?.[0];
      if (url && !/^https:\/\/api\.anthropic\.com(\/v1)?\/?$/.test(url)) {
        return confirmed(2, because(msg`${q(`${cfg.path} → ${url}`)}: Anthropic requests go to this URL, not \`https://api.anthropic.com\`.`, cfg));
      }
      return ruledOut(because('no custom Anthropic base URL in config', cfg));
    }
    const err = xApiKeyRejections(view).at(-1);
    const pl = providerLine(view, 'anthropic');
    const eff = pl ? effectiveCredential(view, pl.line) : undefined;
    const cred = eff?.source === 'profile' ? eff.profile.credential : eff?.credential;
    const head = maskHead(cred);
    if (err && head?.startsWith('sk-ant-a') && !impossibleHead(head)) {
      return possible(because('a well-formed key is rejected; a proxy base URL would do that too', err));
    }
    return null;
  },
  steps: [
    {
      versions: 'any',
      command: 'openclaw config get models.providers.<block>',
      why: 'A `baseUrl` here sends your key to a proxy instead of Anthropic; that proxy can answer 401.',
      then: 'Paste what it prints (secrets show as `__OPENCLAW_REDACTED__`).',
    },
    {
      case: 'config_shown',
      versions: 'any',
      command: 'openclaw config set models.providers.anthropic \'{"baseUrl":"https://api.anthropic.com","models":[]}\' --strict-json',
      why: 'This points Anthropic back at its own API (the schema needs `models` next to `baseUrl`). Keep your proxy only if it forwards the key unchanged.',
      then: 'Then `openclaw gateway restart` and retry.',
    },
  ],
  // The config was pasted: set the URL back; otherwise show the provider block (a proxy's own block when named).
  stepCase: (ctx) => (anthropicConfig(ctx.view) ? 'config_shown' : undefined),
  values: (ctx) => ({ '<block>': statements(ctx.view, 'custom_base_url').find((b) => b.value && b.value !== 'anthropic')?.value ?? 'anthropic' }),
};
