/**
 * `openclaw models status` text output (§1.2–1.8, OpenClaw 2026.3.13 to 2026.9.6; `--agent` row
 * suffixes and the 4.x `Missing auth` hint read too): header rows (≥8.1 `Utility model`, `Allowed
 * models`), `Auth overview`, provider lines, `Runtime auth`, `Model route issues`, `Missing auth`,
 * `Unavailable auth profiles`, `OAuth/token status` with usage windows, and the `--probe` table.
 * Reads every block in a message (a user may paste it twice), whole or partial; `partial` says the
 * head or tail is missing.
 */
import { agentIdFromPath, spanOf, type Parser } from './context.ts';
import type { Fact, FactOf } from './facts.ts';
import type { PreparedLine } from './lines.ts';
import { isProbeTableLine, parseProbeTable } from './probe-table.ts';
import { PROVIDER_LINE, parseProviderLine } from './provider-line.ts';
import { routeIssue, runtimeRoute, unavailableProfile } from './models-status-routes.ts';

type ModelsStatus = FactOf<'models_status'>;
type OAuthProvider = ModelsStatus['oauthStatus'][number];
type Section = 'header' | 'auth' | 'missing' | 'oauth' | 'probes' | 'runtime' | 'routes' | 'unavailable';

const HEADER_ROW =
  /^(Config|Agent ?dir|Default|Fallbacks|Utility ?model|Image ?model|Image ?fallbacks|Aliases|Configured ?models|Allowed ?models) ?(?:\((\d+)\))? ?(?:\((agent|defaults)\))? *: ?(.*)$/;
/** First characters of a `HEADER_ROW`, and of any line that can start a block. */
const HEADER_FIRST = 'CADFIU';
const BLOCK_FIRST = 'CADFIU-SPOMR';
const OAUTH_PROFILE = /^- ([a-z]\S*?)(?: \(([^()]{0,200})\))? (ok|expiring|expired|static|unknown|missing)(?: expires (?:in (\S+)|unknown))?$/;
const OAUTH_PROVIDER = /^- ([a-z][\w.-]{0,63})(?: usage: (.*))?$/;
/** A section title with its first item on the same line, as users retype it: `Missing auth - openai-codex`. */
const INLINE_SECTION = /^([A-Z][\w/ ]{3,30}?) *:? +[-–] +(\S.*)$/;
/** An inline `Missing auth` item: a provider id alone or with OpenClaw's hint, never a sentence ("- no idea why"). */
const INLINE_MISSING = /^[a-z][\w.-]{0,63}(?: Run `.*)?$/;

/** The section a line opens, and the item it carries inline (`- <rest>`), if any. */
function sectionOf(t: string): { section: Section; item?: string } | undefined {
  const section = SECTIONS.get(t);
  if (section) return { section };
  const inline = t.includes(' -') || t.includes(' –') ? INLINE_SECTION.exec(t) : null;
  const titled = inline ? SECTIONS.get(inline[1] as string) : undefined;
  if (!titled || titled === 'auth' || (titled === 'missing' && !INLINE_MISSING.test(inline![2] as string))) return undefined;
  return { section: titled, item: `- ${inline![2]}` };
}

interface Block {
  fact: ModelsStatus;
  first: PreparedLine;
  last: PreparedLine;
  section: Section;
  saw: Set<string>;
  probeRows: string[];
  /** `Unavailable auth profiles` lines (≥8.1), merged into `unusableProfiles` at the end. */
  unavailable?: ModelsStatus['unusableProfiles'];
}

function newBlock(first: PreparedLine, ctx: { messageId: string }): Block {
  return {
    fact: {
      kind: 'models_status',
      source: spanOf(ctx, first),
      confidence: 1,
      format: 'text',
      fallbacks: [],
      providers: [],
      missingAuth: [],
      oauthStatus: [],
      probes: [],
      partial: false,
    },
    first,
    last: first,
    section: 'header',
    saw: new Set(),
    probeRows: [],
  };
}

function headerRow(b: Block, m: RegExpExecArray): void {
  const label = (m[1] as string).replace(/ /g, '').toLowerCase();
  const value = (m[4] as string).trim();
  b.saw.add(label);
  if (m[3] && (label === 'default' || label === 'fallbacks')) b.saw.add('agentflag');
  if (label === 'config') b.fact.configPath = value;
  else if (label === 'agentdir') {
    b.fact.agentDir = value;
    const id = agentIdFromPath(value);
    if (id) b.fact.agentId = id;
  } else if (label === 'default') b.fact.defaultModel = value.replace(/ \(from [^)]*\)$/, '');
  else if (label === 'fallbacks' && value !== '-' && value !== '') b.fact.fallbacks = value.split(/, ?/).filter(Boolean);
  else if (label === 'utilitymodel') b.fact.utilityModel = value;
}

const SECTIONS = new Map<string, Section>(Object.entries({
  'Auth overview': 'auth',
  'Missing auth': 'missing',
  'OAuth/token status': 'oauth',
  'Auth probes': 'probes',
  'Runtime auth': 'runtime',
  'Model route issues': 'routes',
  'Unavailable auth profiles': 'unavailable',
}) as [string, Section][]);

/** A line of one of the ≥8.1 sections (models-status-routes.ts). */
function routeLine(b: Block, t: string): boolean {
  if (b.section === 'runtime') {
    const r = runtimeRoute(t);
    if (r) return (b.fact.runtimeAuth ??= []).push(r), true;
  } else if (b.section === 'routes') {
    const r = routeIssue(t);
    if (r) return (b.fact.routeIssues ??= []).push(r), true;
  } else if (b.section === 'unavailable') {
    const u = unavailableProfile(t);
    if (u) return (b.saw.add('unavailable_line'), (b.unavailable ??= []).push(u)), true;
  }
  return false;
}

function oauthLine(b: Block, t: string): boolean {
  if (t === '- none') return true;
  const prof = OAUTH_PROFILE.exec(t);
  if (prof && (prof[1] as string).includes(':')) {
    const profileId = prof[1] as string;
    let provider = b.fact.oauthStatus[b.fact.oauthStatus.length - 1];
    if (!provider) {
      provider = { provider: profileId.split(':')[0] as string, profiles: [] };
      b.fact.oauthStatus.push(provider);
    }
    if (provider.profiles.some((p) => p.profileId === profileId)) return true;
    const entry: OAuthProvider['profiles'][number] = { profileId, status: prof[3] as 'ok' };
    if (prof[2]) entry.email = prof[2];
    if (prof[4]) entry.expires = prof[4];
    provider.profiles.push(entry);
    return true;
  }
  const prov = OAUTH_PROVIDER.exec(t);
  if (prov) {
    const name = prov[1] as string;
    if (!b.fact.oauthStatus.some((p) => p.provider === name)) {
      const entry: OAuthProvider = { provider: name, profiles: [] };
      if (prov[2]) entry.usage = prov[2].trim();
      b.fact.oauthStatus.push(entry);
    }
    return true;
  }
  return false;
}

/** Returns false when the line does not belong to a models status block. */
function consume(b: Block, line: PreparedLine): boolean {
  const t = line.text.trim();
  if (t === '' || t.startsWith('[secrets]')) return true;
  if (t === '...' || t === '…') {
    b.saw.add('elided');
    return true;
  }
  const header = b.section === 'header' && HEADER_FIRST.includes(t[0] as string) ? HEADER_ROW.exec(t) : null;
  if (header) {
    headerRow(b, header);
    return true;
  }
  const opened = sectionOf(t);
  if (opened) {
    b.section = opened.section;
    b.saw.add(opened.section === 'auth' ? 'overview' : opened.section);
    return opened.item === undefined || consumeItem(b, opened.item);
  }
  return consumeItem(b, t);
}

/** A line inside the current section (trimmed); false when it belongs to none. */
function consumeItem(b: Block, t: string): boolean {
  if (routeLine(b, t)) return true;
  // Literal first looks before each anchored regex: most lines of a block start with `- `.
  const store = t.startsWith('Auth store') ? /^Auth store *: ?(.*)$/.exec(t) : null;
  if (store) return (b.fact.authStore = (store[1] as string).trim()), (b.section = 'auth'), b.saw.add('store'), true;
  const shell = t.startsWith('Shell env') ? /^Shell env *: ?(on|off)(?: \(applied: ([^)]*)\))?/.exec(t) : null;
  if (shell) {
    const applied = (shell[2] ?? '').split(/, ?/).map((s) => s.trim()).filter(Boolean);
    b.fact.shellEnv = { enabled: shell[1] === 'on', applied };
    return (b.section = 'auth'), b.saw.add('shell'), true;
  }
  if (t.startsWith('Providers w/') && /^Providers w\/ OAuth\/tokens \(\d+\)(?: *:|$)/.test(t)) return (b.section = 'auth'), b.saw.add('providersw'), true;
  const provider = t.startsWith('- ') ? PROVIDER_LINE.exec(t) : null;
  if (provider) {
    const parsed = parseProviderLine(provider[1] as string, provider[2] as string);
    const at = b.fact.providers.findIndex((p) => p.provider === parsed.provider);
    if (at >= 0) b.fact.providers[at] = parsed;
    else b.fact.providers.push(parsed);
    b.saw.add('provider');
    if (b.section === 'header') b.section = 'auth';
    return true;
  }
  if (b.section === 'missing') {
    const miss = /^- ([a-z][\w.-]{0,63})(?: (.*))?$/.exec(t);
    if (miss) {
      const entry: ModelsStatus['missingAuth'][number] = { provider: miss[1] as string };
      if (miss[2]) entry.hint = miss[2].trim();
      if (!b.fact.missingAuth.some((m) => m.provider === entry.provider)) b.fact.missingAuth.push(entry);
      return true;
    }
  }
  if (b.section === 'oauth' && oauthLine(b, t)) return true;
  if (b.section === 'probes') {
    if (isProbeTableLine(t)) return b.probeRows.push(t), true;
    if (/^Probed \d+ target|^No probe targets\./.test(t)) return b.saw.add('probed'), true;
  }
  return false;
}

function finish(b: Block, ctx: { messageId: string }, lines: readonly PreparedLine[], from: number, to: number): ModelsStatus | null {
  const distinctive = ['probes', 'agentdir', 'default', 'fallbacks', 'overview', 'store', 'shell', 'providersw', 'provider', 'oauth', 'missing', 'runtime', 'routes', 'unavailable'];
  const f = b.fact;
  f.probes = parseProbeTable(b.probeRows);
  const extra = (f.runtimeAuth?.length ?? 0) + (f.routeIssues?.length ?? 0) + (b.unavailable?.length ?? 0);
  const content = f.providers.length + f.oauthStatus.length + f.missingAuth.length + f.probes.length + extra > 0;
  if (!distinctive.some((k) => b.saw.has(k)) || (b.saw.size < 2 && !content)) return null;
  const head = b.saw.has('config') || b.saw.has('agentdir') || b.saw.has('default');
  const tail = b.saw.has('oauth');
  f.partial = !head || !tail || b.saw.has('elided');
  const unusable = f.providers.flatMap((p) =>
    p.profiles.filter((l) => l.unusable).map((l) => ({ profileId: l.profileId, kind: l.unusable!.kind, ...(l.unusable!.reason ? { reason: l.unusable!.reason } : {}) })),
  );
  // ≥8.1 lists them again under `Unavailable auth profiles`, with the reason, provider and hint.
  for (const u of b.unavailable ?? []) {
    const at = unusable.findIndex((x) => x.profileId === u.profileId);
    if (at >= 0) unusable[at] = { ...unusable[at], ...u };
    else unusable.push(u);
  }
  if (unusable.length > 0) f.unusableProfiles = unusable;
  const rewrapped = lines.slice(from, to + 1).some((l) => l.joined);
  if (rewrapped) f.rewrapped = true;
  f.confidence = f.partial ? 0.8 : rewrapped ? 0.9 : 1;
  f.source = spanOf(ctx, b.first, b.last);
  return f;
}

/** Finds every `models status` text block in the prepared lines. */
export const parseModelsStatus: Parser = (lines, ctx) => {
  const facts: Fact[] = [];
  let block: Block | null = null;
  let blockStart = 0;
  let lastUseful = 0;
  const close = (): void => {
    if (block) {
      const fact = finish(block, ctx, lines, blockStart, lastUseful);
      if (fact) facts.push(fact);
    }
    block = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as PreparedLine;
    const t = line.text.trim();
    if (block === null) {
      if (t === '' || !BLOCK_FIRST.includes(t[0] as string)) continue;
      if (!(HEADER_ROW.test(t) || PROVIDER_LINE.test(t) || sectionOf(t) || /^(Auth store *:|Shell env *:|Providers w\/)/.test(t))) continue;
      block = newBlock(line, ctx);
      blockStart = i;
    }
    const b: Block = block;
    // A second paste of the same command starts a new block.
    if (b.saw.has('config') && t.startsWith('Config') && /^Config *:/.test(t)) {
      close();
      i--;
      continue;
    }
    if (consume(b, line)) {
      if (t !== '') {
        b.last = line;
        lastUseful = i;
      }
    } else {
      close();
      // The line may start the next block (e.g. a paste that begins at `Default`).
      if (i > blockStart) i--;
    }
  }
  close();
  return facts;
};
