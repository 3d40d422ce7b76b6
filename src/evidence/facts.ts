/**
 * Evidence: the typed facts Pincer reads out of a user's paste.
 *
 * Every parser in src/evidence/ returns `Fact[]`; the diagnosis only ever looks at facts, never
 * at raw text. Each fact carries where it came from (`source`: message id + 0-based line span of
 * the clean, masked text) so a reply can quote it, and a `confidence` in [0, 1] that drops below
 * 1 when the text was ambiguous (retyped, partial, wrapped).
 *
 * Formats are those of the OpenClaw CLI (baseline 2026.3.13; captures in test/fixtures/evidence/).
 * This module is the contract between ingest, evidence, conversation and diagnosis: extend it
 * (new kinds, new optional fields) rather than reshape it. The schemas live in ./facts/ by what
 * they read (base, cli, errors, session); import them from here.
 */
import * as z from 'zod';
import { AuthOrderChangedFact, AuthOrderFact, AuthProfilesJsonFact, ChannelsStatusFact, ConfigValueFact, DoctorFact, GatewayStatusFact, ModelsStatusFact, PairingListFact, StatusCardFact, VersionFact } from './facts/cli.ts';
import { AuthListFact, AuthStoreMigrationFact, StateDirGuardFact, StatusAllFact, VersionHintFact } from './facts/state.ts';
import { GatewayLogFact, ProviderErrorFact, ShellErrorFact } from './facts/errors.ts';
import { CommandRunFact, EnvironmentFact, SecretFact, StatementFact, TuiFooterFact, TuiHeaderFact, TuiStatusFact, WizardFact } from './facts/session.ts';

export * from './facts/base.ts';
export * from './facts/cli.ts';
export * from './facts/errors.ts';
export * from './facts/session.ts';
export * from './facts/state.ts';

export const Fact = z.discriminatedUnion('kind', [
  ModelsStatusFact,
  AuthOrderFact,
  AuthOrderChangedFact,
  VersionFact,
  ProviderErrorFact,
  TuiFooterFact,
  TuiStatusFact,
  TuiHeaderFact,
  ShellErrorFact,
  WizardFact,
  AuthProfilesJsonFact,
  StatementFact,
  StatusCardFact,
  DoctorFact,
  ChannelsStatusFact,
  PairingListFact,
  GatewayStatusFact,
  GatewayLogFact,
  ConfigValueFact,
  AuthListFact,
  AuthStoreMigrationFact,
  StateDirGuardFact,
  VersionHintFact,
  StatusAllFact,
  CommandRunFact,
  EnvironmentFact,
  SecretFact,
]);
export type Fact = z.infer<typeof Fact>;
export type FactKind = Fact['kind'];
export type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

/** Everything read from one message. */
export const Evidence = z.object({
  messageId: z.string(),
  facts: z.array(Fact),
  /** Ingest notes the reply may need to mention (cut paste, binary attachment …). */
  notes: z.array(z.string()),
});
export type Evidence = z.infer<typeof Evidence>;
