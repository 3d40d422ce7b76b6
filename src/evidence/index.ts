/**
 * Evidence: clean text (ingest output) → typed facts (facts.ts) with source spans.
 *
 * Runs the shared line preparation (lines.ts), then every parser (one file per OpenClaw output
 * format, citing openclaw-cli.md), then statements on the lines nothing else claimed. Facts are
 * validated against the zod schema (a fact that fails is dropped and noted, never thrown) and
 * sorted by source line, so the same text always gives the same Evidence (no clock, no randomness).
 * Linear in the text length.
 */
import { parseAuthOrder } from './auth-order.ts';
import { parseAuthOrderJson } from './auth-order-json.ts';
import { parseAuthList } from './auth-list.ts';
import { parseChannelsStatus } from './channels-status.ts';
import { parseConfigGet } from './config-get.ts';
import { parseDoctor } from './doctor.ts';
import { parseGatewayLog } from './gateway-log.ts';
import { parseGatewayStatus } from './gateway-status.ts';
import { parseModelsStatusJson } from './models-status-json.ts';
import { parsePairing } from './pairing.ts';
import { parseStatusCard } from './status-card.ts';
import { parseStatusAll } from './status-all.ts';
import { parseStoreGuards } from './store-guards.ts';
import { parseAuthProfilesJson } from './auth-profiles-json.ts';
import type { ParseContext, Parser } from './context.ts';
import { parseEnvironment } from './environment.ts';
import { parseErrorLines } from './error-lines.ts';
import { parseErrorProse } from './error-prose.ts';
import { Evidence, Fact } from './facts.ts';
import { prepareLines } from './lines.ts';
import { parseModelsStatus } from './models-status.ts';
import { parseSecretsSeen } from './secrets-seen.ts';
import { parseShellErrors } from './shell-errors.ts';
import { parseStatements } from './statements.ts';
import { parseTui } from './tui.ts';
import { parseVersion } from './version.ts';
import { parseVersionHints } from './version-hints.ts';
import { parseVersionProse } from './version-prose.ts';
import { parseWizard } from './wizard.ts';

/** Structured parsers, in a fixed order (ties on the same line keep this order). */
export const PARSERS: readonly Parser[] = [
  parseVersion,
  parseVersionHints,
  parseVersionProse,
  parseStatusCard,
  parseModelsStatus,
  parseModelsStatusJson,
  parseAuthOrder,
  parseAuthOrderJson,
  parseAuthList,
  parseErrorLines,
  parseGatewayLog,
  parseDoctor,
  parseStoreGuards,
  parseStatusAll,
  parseChannelsStatus,
  parsePairing,
  parseGatewayStatus,
  parseConfigGet,
  parseTui,
  parseShellErrors,
  parseWizard,
  parseAuthProfilesJson,
  parseSecretsSeen,
  parseEnvironment,
];

/** A line of a clack box as OpenClaw's doctor and wizards draw it. */
const BOXED = /^\s*[│┌├└◇◆●○]/u;

/** Kinds whose lines are not read again as plain statements. */
const CLAIMING = new Set(['environment', 'secret', 'command_run', 'statement', 'version_hint']);

/**
 * The lines the structured facts cover (`claimed`), and of those the lines of CLI output (`output`:
 * prose is not read there; an error line quoted in prose is). Many facts share long spans (a doctor
 * box, a JSON block), so each span is counted once into a difference array instead of line by line.
 */
function claimedLines(facts: readonly Fact[]): { claimed: Set<number>; output: Set<number> } {
  const spans: [number, number, boolean][] = [];
  let first = Infinity;
  let last = -1;
  for (const f of facts) {
    const { lineStart, lineEnd } = f.source;
    // A version named in prose leaves its line to the prose and statement readers.
    if (CLAIMING.has(f.kind) || (f.kind === 'version' && f.from === 'prose') || !Number.isInteger(lineStart) || !Number.isInteger(lineEnd) || lineEnd < lineStart) continue;
    spans.push([lineStart, lineEnd, f.kind !== 'provider_error']);
    first = Math.min(first, lineStart);
    last = Math.max(last, lineEnd);
  }
  const claimed = new Set<number>();
  const output = new Set<number>();
  if (spans.length === 0) return { claimed, output };
  const all = new Int32Array(last - first + 2);
  const out = new Int32Array(last - first + 2);
  for (const [start, end, isOutput] of spans) {
    all[start - first]!++;
    all[end - first + 1]!--;
    if (isOutput) {
      out[start - first]!++;
      out[end - first + 1]!--;
    }
  }
  for (let l = first, inAll = 0, inOut = 0; l <= last; l++) {
    inAll += all[l - first]!;
    inOut += out[l - first]!;
    if (inAll > 0) claimed.add(l);
    if (inOut > 0) output.add(l);
  }
  return { claimed, output };
}

/**
 * Reads every fact in a message.
 * @param text clean text from `ingest` (any string is accepted; never throws)
 * @param messageId id of the message, copied into every fact's source
 */
export function extractEvidence(text: string, messageId: string): Evidence {
  const ctx: ParseContext = { messageId };
  const notes: string[] = [];
  const facts: Fact[] = [];
  let prepared: ReturnType<typeof prepareLines>;
  try {
    prepared = prepareLines(typeof text === 'string' ? text : '');
  } catch {
    return { messageId, facts: [], notes: ['The text could not be read.'] };
  }
  const { lines, commands, commandLines } = prepared;
  commands.forEach((c, i) => {
    const line = commandLines[i] as number;
    facts.push({ ...c, source: { messageId, lineStart: line, lineEnd: line } });
  });
  for (const parser of PARSERS) {
    try {
      facts.push(...parser(lines, ctx));
    } catch {
      notes.push('A part of the text could not be read.');
    }
  }
  const { claimed, output } = claimedLines(facts);
  try {
    facts.push(...parseErrorProse(claimed)(lines.filter((l) => !output.has(l.start)), ctx));
    // Lines inside a clack box (doctor, onboard, wizards: `│ …`, `◇ …`) are OpenClaw's wording, never
    // the user's statements; its error strings there are still read above.
    facts.push(...parseStatements(claimed)(lines.filter((l) => !BOXED.test(l.text)), ctx));
  } catch {
    notes.push('A part of the text could not be read.');
  }
  const valid: Fact[] = [];
  for (const f of facts) {
    const parsed = Fact.safeParse(f);
    if (parsed.success) valid.push(parsed.data);
  }
  const order = new Map(valid.map((f, i) => [f, i]));
  valid.sort((a, b) => a.source.lineStart - b.source.lineStart || (order.get(a) as number) - (order.get(b) as number));
  return { messageId, facts: valid, notes: [...new Set(notes)] };
}

export { Evidence };
