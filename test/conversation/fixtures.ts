/**
 * Test fixtures for the conversation layer: fact builders shaped like the evidence parsers'
 * output for seed 001's pastes, and a small controlled rules engine + renderer, so the policy is
 * tested against diagnoses we choose (the real engine has its own tests).
 */
import type { BranchId } from '../../src/diagnosis/catalog.ts';
import { text } from '../../src/diagnosis/reason.ts';
import type { Ask, Diagnosis } from '../../src/diagnosis/types.ts';
import type { EvidenceView } from '../../src/diagnosis/view.ts';
import type { Evidence, Fact, StatementTopic } from '../../src/evidence/facts.ts';
import type { AuthorRole, ThreadEvent } from '../../src/conversation/types.ts';
import type { ReducerDeps } from '../../src/conversation/deps.ts';
import type { RenderedReply } from '../../src/conversation/reply-shape.ts';

const src = { source: { messageId: 'm', lineStart: 0, lineEnd: 0 }, confidence: 1 };

export const f = {
  /**
   * `HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:…)`; `tui` = the TUI's
   * `run error: …` form (then commands are asked in their `!` form).
   */
  err401: (requestId = 'sha256:c6bb760e0b67', tui = false): Fact => ({
    kind: 'provider_error', ...src, code: 'invalid_x_api_key', wrapper: tui ? 'run_error' : 'http', httpStatus: 401,
    errorType: 'authentication_error', message: 'invalid x-api-key', requestId: { form: 'sha256', value: requestId }, provider: 'anthropic',
  }),
  credit: (): Fact => ({
    kind: 'provider_error', ...src, code: 'credit_balance_low', wrapper: 'llm_rejected',
    message: 'Your credit balance is too low to access the Anthropic API.', provider: 'anthropic',
  }),
  footer: (): Fact => ({ kind: 'tui_footer', ...src, agentId: 'main', session: 'main', provider: 'anthropic', model: 'claude-sonnet-4-6' }),
  /** `models status` with one anthropic profile; `mask` defaults to seed 001's `sk-ant-a..._HeoVAAA`. */
  status: (opts: { mask?: string; token?: boolean } = {}): Fact => {
    const mask = opts.mask ?? 'sk-ant-a..._HeoVAAA';
    const cred = { form: 'masked' as const, mask, head: mask.slice(0, 8), tail: mask.slice(-8), shape: '8+8' as const };
    const profiles = [{ profileId: 'anthropic:default', type: 'api_key' as const, credential: cred }];
    if (opts.token) profiles.push({ profileId: 'anthropic:manual', type: 'token' as unknown as 'api_key', credential: cred });
    return {
      kind: 'models_status', ...src, format: 'text', fallbacks: [], missingAuth: [], oauthStatus: [], probes: [], partial: false,
      defaultModel: 'anthropic/claude-sonnet-4-6',
      providers: [{ provider: 'anthropic', counts: { total: profiles.length, oauth: 0, token: opts.token ? 1 : 0, apiKey: 1 }, profiles }],
    };
  },
  secret: (masked = 'sk-ant-api03-…Xy9W'): Fact => ({ kind: 'secret', ...src, credentialType: 'anthropic_api_key', masked }),
  say: (topic: StatementTopic, value?: string): Fact => ({ kind: 'statement', ...src, topic, quote: topic, ...(value ? { value } : {}) }),
};

export const ev = (messageId: string, facts: Fact[]): Evidence => ({ messageId, facts, notes: [] });

let hashes = 0;
/** A user message event. `text` defaults to a unique hash (a different paste). */
export function msg(
  messageId: string,
  facts: Fact[],
  opts: { role?: AuthorRole; authorId?: string; addressed?: boolean; textHash?: string } = {},
): ThreadEvent {
  return {
    type: 'message', messageId, authorId: opts.authorId ?? (opts.role && opts.role !== 'author' ? `${opts.role}-1` : 'author-1'),
    role: opts.role ?? 'author', addressed: opts.addressed ?? false, evidence: ev(messageId, facts), textHash: opts.textHash ?? `h${++hashes}`,
  };
}

const modelsStatusAsk: Ask = {
  id: 'models_status', kind: 'command', cost: 2, command: 'openclaw models status',
  outcomes: [], answered: (v) => v.latest('models_status') !== undefined,
};
const prefixAsk: Ask = {
  id: 'key_prefix', kind: 'question', cost: 1, question: 'Does your key start with `sk-ant-api` or `sk-ant-oat`?',
  outcomes: [
    { answer: 'sk-ant-api', confirms: [], rulesOut: [] },
    { answer: 'sk-ant-oat', confirms: [], rulesOut: [] },
  ],
  answered: (v) => v.all('statement').some((s) => s.topic === 'key_prefix' || (s.topic === 'answer_first' && !!s.value) || (s.topic === 'answer_second' && !!s.value)),
};

/** Hypotheses the fake engine tries in order once `models status` is held; failed ones are skipped. */
export const HYPOTHESES: { branch: BranchId; command: string }[] = [
  { branch: 'api_key_invalid', command: 'openclaw onboard' },
  { branch: 'api_key_invalid', command: 'openclaw models auth paste-token --provider anthropic' },
  { branch: 'wrong_host', command: 'openclaw gateway status' },
];

const dx = (branch: BranchId, command: string, view: EvidenceView): Diagnosis => ({
  status: 'diagnosed', branch, candidates: [{ id: branch, status: 'confirmed', because: [] }],
  step: { kind: 'command', command, commandKind: 'openclaw', runIn: view.inTui ? 'tui' : 'shell', why: text('because'), then: 'paste the new error' },
  ask: null, nextCommand: view.inTui ? `!${command}` : command, confidence: 1,
});

const needs = (ask: Ask | null, view: EvidenceView): Diagnosis => {
  const command = ask?.command ? (view.inTui ? `!${ask.command}` : ask.command) : null;
  return {
    status: 'needs_evidence', branch: null, candidates: [{ id: 'api_key_invalid', status: 'possible', because: [] }],
    step: null, ask: ask ? { ask, command, text: ask.question ?? `Run \`${command}\`` } : null, nextCommand: command, confidence: 0,
  };
};

/** A controlled engine: errors → ask models status; held status → hypotheses; DMs → pairing. */
export function fakeDiagnose(view: EvidenceView): Diagnosis {
  const said = (t: StatementTopic) => view.all('statement').some((s) => s.topic === t);
  if (view.all('provider_error').some((e) => e.code === 'credit_balance_low')) return dx('credit_balance_low', 'open the Plans & Billing page', view);
  if (said('dm_not_working') && view.all('provider_error').length === 0) return dx('discord_dm_pairing', 'openclaw pairing list discord', view);
  const status = view.latest('models_status');
  if (status?.providers[0]?.profiles.some((p) => (p.type as string) === 'token')) {
    return dx('api_key_in_token_profile', 'openclaw models auth order set --provider anthropic anthropic:default', view);
  }
  if (status && said('answer_second')) return dx('oauth_token_in_api_key_profile', 'claude setup-token', view);
  if (status) {
    const failed = new Set(view.failed.map((x) => x.command));
    const next = HYPOTHESES.find((h) => !failed.has(view.inTui ? `!${h.command}` : h.command));
    return next ? dx(next.branch, next.command, view) : needs(null, view);
  }
  if (view.all('provider_error').length > 0 || said('still_failing')) {
    return said('gateway_local') && !prefixAsk.answered(view) ? needs(prefixAsk, view) : needs(modelsStatusAsk, view);
  }
  return { status: 'not_auth', branch: null, candidates: [], step: null, ask: null, nextCommand: null, confidence: 0 };
}

/** A plain renderer: enough text to tell replies apart the way the real one does. */
export function fakeRender(d: Diagnosis): RenderedReply {
  const base = { buttons: [], branch: d.branch, nextCommand: d.nextCommand, askId: d.ask?.ask.id ?? null };
  if (d.status === 'diagnosed') return { ...base, kind: 'diagnosis', markdown: `This is \`${d.branch}\`. Run:\n\`\`\`\n${d.nextCommand}\n\`\`\`` };
  if (d.status === 'needs_evidence') return { ...base, kind: 'ask', markdown: `I need one thing first. ${d.ask?.text ?? ''}` };
  return { ...base, kind: 'not_auth', markdown: 'I only handle model authentication failures; a human helper will take it from here.' };
}

export const deps: ReducerDeps = { diagnose: fakeDiagnose, render: (d) => fakeRender(d) };
