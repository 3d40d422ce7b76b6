/**
 * The shapes of declared signals (a rule's `signals`); what they mean and how they match is
 * documented in ./patterns.ts, the one matcher. Validated at load by ./rule-schema.ts.
 */
import type { ErrorCode, FactKind, StatementTopic } from '../evidence/facts.ts';

/**
 * A field test: equal to a value, not equal (and present), matching a regex source
 * (case-insensitive), a number above, a list holding a value, one of these values (`null` = absent),
 * none of these values (absent passes), present and different from another field of the same
 * fact (`{ differs: 'configService' }`), a release version at or after one (`{ atLeast: '2026.6.5' }`)
 * or at or before one (`{ atMost: '2026.6.4' }`).
 */
export type FieldTest =
  | string
  | number
  | boolean
  | { not: string }
  | { re: string }
  | { gt: number }
  | { has: string }
  | { any: readonly (string | number | boolean | null)[] }
  | { none: readonly (string | number | boolean)[] }
  | { differs: string }
  | { atLeast: string }
  | { atMost: string };

/** One piece of evidence: exactly one of `error`, `statement`, `fact`, narrowed by `where`. */
export interface EvidenceSpec {
  error?: readonly ErrorCode[] | 'any';
  statement?: readonly StatementTopic[];
  /** A parsed fact kind (not `provider_error` / `statement`: use those forms) or a derived one (./derived.ts). */
  fact?: Exclude<FactKind, 'provider_error' | 'statement'> | (string & {});
  /** Field tests on the fact's top-level fields (on each element's fields with `each`). */
  where?: Record<string, FieldTest>;
  /** Only facts of the message being answered (a shell's complaint is about what was just typed). */
  current?: boolean;
  /** Only the newest fact of the kind (statement of the topics, error of the codes) counts: an older paste or word is superseded. */
  latest?: boolean;
  /**
   * A list field of the fact (`accounts`; `oauthStatus.profiles` for a list in a list): `where`
   * and the templates then read each element; the first that passes is the evidence.
   */
  each?: string;
  /** The quoted evidence as a template over the fact's fields (`● {selected}`); errors and statements have a default. */
  quote?: string;
}

/** The second piece of evidence a signal needs, and where it must stand relative to the first. */
export interface WithSpec extends EvidenceSpec {
  order?: 'after' | 'not_before' | 'before' | 'below';
  /** `false`: it must be there, but the verdict does not cite it (a precondition, not what the reason says). */
  cite?: false;
}

/** Blocking evidence: any of these error codes, statement topics or facts of a kind that passes `where`. */
export interface Unless {
  error?: readonly ErrorCode[] | 'any';
  statement?: readonly StatementTopic[];
  fact?: string;
  where?: Record<string, FieldTest>;
}

interface SignalBase {
  /** More quoted values, each a template over the evidence's fields like `quote` (`{ cli: 'Config (cli): {configCli}' }` → `{cli}`). */
  quotes?: Record<string, string>;
  /** Where OpenClaw prints it, as a steps row writes versions (`any`, `≥2026.8.1`, `2026.6.5–2026.7.x`). */
  versions?: string;
  /** The reason template (`{quote}`, `{field}`, `{with}`; see the module comment). */
  reason: string;
  /** How the evidence reads, for `pincer explain` and docs/branches.md (never matched). */
  text: string;
  /** 3 = a string only this branch produces; 2 = parsed output proving it; 1 = a statement. */
  specificity?: 1 | 2 | 3;
  /**
   * Evidence that blocks the signal anywhere in the thread: these error codes (or `'any'`),
   * statement topics, or facts of a kind, `where` testing them; a list blocks when any entry does.
   */
  unless?: Unless | Unless[];
  /** A second piece of evidence that must be present too (a list: each of them). */
  with?: WithSpec | WithSpec[];
  /** What a match says of the branch (default `confirmed`). */
  verdict?: 'possible' | 'ruled_out';
}

export interface ErrorSignal extends SignalBase, EvidenceSpec {
  error: readonly ErrorCode[] | 'any';
}
export interface StatementSignal extends SignalBase, EvidenceSpec {
  statement: readonly StatementTopic[];
}
export interface FactSignal extends SignalBase, EvidenceSpec {
  fact: Exclude<FactKind, 'provider_error' | 'statement'> | (string & {});
}

export type Signal = ErrorSignal | StatementSignal | FactSignal;
