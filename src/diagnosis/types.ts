/**
 * Diagnosis contract: what a rule is, what the engine returns.
 *
 * A rule is typed data (one file per family under ./branches/): it says what confirms its branch,
 * what rules it out, and the ONE next step. The engine (./engine.ts) runs every rule over an
 * `EvidenceView`, ranks candidates by specificity and explicit priority (never file order), and
 * either names a confirmed branch or picks the one ask that best separates what is still possible.
 */
import type { BranchFamily, BranchId, DiagnosisStatus } from './catalog.ts';
import type { Message } from './reason.ts';
import type { Signal } from './patterns.ts';
import type { Steps, StepValues } from './steps.ts';
import type { EvidenceView } from './view.ts';

/** Why a candidate stands where it stands: a short human reason plus the facts behind it. */
export interface Because {
  /** A message id plus the values it quotes (./reason.ts); `reply/` renders it. */
  reason: Message;
  /** Message ids + line spans of the facts used (for quoting). */
  sources: { messageId: string; lineStart: number; lineEnd: number }[];
}

/** A rule's judgement on the evidence (from its first matching signal; none = nothing to say). */
export interface Verdict {
  status: 'confirmed' | 'possible' | 'ruled_out';
  because: Because[];
  /**
   * How specific the confirming signal is (higher beats lower among confirmed rules):
   * 3 = an exact string only this branch produces, 2 = parsed output proving it, 1 = a statement
   * or an inference. Ties go to `Rule.priority`.
   */
  specificity?: 1 | 2 | 3;
}

/** The kind of text a step asks the user to type; checked against the reference's lists. */
export type CommandKind = 'openclaw' | 'shell' | 'tui' | 'claude';

/**
 * The one next step. `command` steps carry the exact text to type; `action` steps are things done
 * in a web console or the Developer Portal (no command; `next_command` is null); `none` means
 * nothing to fix (a misleading status line), with the proof the user can run in `proof`.
 */
export type Step =
  | {
      kind: 'command';
      command: string;
      commandKind: CommandKind;
      /** Where to type it: a normal shell, inside the TUI, or on the gateway host. */
      runIn: 'shell' | 'tui' | 'gateway_host';
      /** One or two sentences quoting the evidence (never a secret), as a message. */
      why: Message;
      /** What to run or paste after it (the rule's `then`), filled. */
      then: string;
      /** Placeholders left in `command` that the evidence did not hold, and where to find each. */
      missing?: { placeholder: string; where: string }[];
      /** Replaces the rule's title as the reply's first line when the step is a check, not the fix. */
      headline?: string;
    }
  | { kind: 'action'; text: Message; why: Message; then: string }
  | { kind: 'none'; text: Message; why: Message; proof?: string };

/** Everything a rule needs to fill its placeholders (`<provider>`, `<profile-id>`, `<id>` …). */
export interface StepContext {
  view: EvidenceView;
  verdict: Verdict;
}

/** A command template a rule can emit, declared so tests can check it against the reference. */
export interface DeclaredCommand {
  kind: CommandKind;
  /** The template with `<placeholders>`, e.g. `openclaw models auth order set --provider <provider> <profile-id>`. */
  template: string;
  /** First OpenClaw version it exists in, when later than the 2026.3.13 baseline. */
  since?: string;
}

export interface Rule {
  id: BranchId;
  family: BranchFamily;
  title: string;
  /** Tie-break among equally specific confirmed rules; encodes branches.md precedence. */
  priority: number;
  /** Branch ids this rule beats when both are confirmed (branches.md §"Status and precedence"). */
  beats?: BranchId[];
  /**
   * What confirms the branch (or makes it only possible, or rules it out), as data read by one
   * matcher (./patterns.ts): an error code, a statement topic or a fact (parsed, or derived by a
   * reader in ./derived*.ts) whose fields pass tests, each with the versions it holds on. In
   * order: the first that matches gives the verdict. No rule judges in code.
   */
  signals: Signal[];
  /**
   * The next step per OpenClaw version range (./steps.ts): rows `any` / `unknown` / `≤V` / `V–W` /
   * `≥V`, chosen by `pickRow` and filled with `values(ctx)`. Several situations of one branch (a
   * check first, then the fix) are `case`s of the rows, chosen by `stepCase(ctx)`.
   */
  steps: Steps;
  /** Placeholder values for the rows (`<provider>`, `<profile-id>` …) read from the facts. */
  values?(ctx: StepContext): StepValues;
  /** Which `case` of the rows applies (undefined = the rows without a case). */
  stepCase?(ctx: StepContext): string | undefined;
  /** Docs page (https://docs.openclaw.ai/…). */
  docs: string;
  /** Commands a row can emit beyond its template (`<slash>` → `/reset`, `/new` …); the rows' commands are added at load. */
  commands: DeclaredCommand[];
  /** What follows the step, in the catalog's words (for `pincer explain`). */
  then: string;
  /**
   * False for side warnings that are never the reported branch (`secret_in_message`): the engine
   * passes them on in `Diagnosis.sideWarnings` instead of ranking them.
   */
  reportable?: boolean;
  /**
   * The id of an ask to pose before the step when the step depends on something unknown
   * (no_credentials: "API key or subscription?"), or null. The diagnosis stays `diagnosed`.
   */
  askFirst?(view: EvidenceView): string | null;
}

/** An answer an ask can get, and what it does to the candidates. */
export interface AskOutcome {
  answer: string;
  confirms: BranchId[];
  rulesOut: BranchId[];
}

/** An ask: a command to run and paste, or a question with expected answers. */
export interface Ask {
  id: string;
  kind: 'command' | 'question';
  /** question = 1, one command = 2, several commands = 3. */
  cost: 1 | 2 | 3;
  /** For command asks: the command as typed in a shell (the TUI form is derived: `!` + command). */
  command?: string;
  /** For question asks: the question, e.g. "API key from the Console, or a Claude subscription?". */
  question?: string;
  outcomes: AskOutcome[];
  /** True when the thread already holds the answer (then the ask is never chosen). */
  answered(view: EvidenceView): boolean;
  /** What the answer tells apart, in one sentence for the reply. */
  purpose?: string;
  /**
   * Where the command must run: `anywhere` (the TUI's `!` shell will do) or `gateway_host`
   * (on the machine running the gateway; not doable through a TUI talking to a remote gateway).
   */
  where?: 'anywhere' | 'gateway_host';
  /** Last tie-break among otherwise equal asks (lower first); never file order. */
  rank?: number;
}

export interface Candidate {
  id: BranchId;
  status: 'confirmed' | 'possible' | 'ruled_out';
  because: Because[];
}

/** The engine's result for a thread at one point in time. */
export interface Diagnosis {
  status: DiagnosisStatus;
  /** The reported branch: the winning confirmed one, or null. */
  branch: BranchId | null;
  /** Confirmed first (winner first), then possible; ruled-out last. */
  candidates: Candidate[];
  /** The step for `branch` (status `diagnosed`). */
  step: Step | null;
  /** The chosen ask (status `needs_evidence`). */
  ask: { ask: Ask; command: string | null; text: string } | null;
  /** The exact text to type next (TUI form where the user is in the TUI), or null. */
  nextCommand: string | null;
  /** 0..1: how sure the engine is of `branch` (1 for an exact-string confirmation). */
  confidence: number;
  /** Side warnings confirmed alongside (`secret_in_message`): never the reported branch. */
  sideWarnings?: BranchId[];
}
