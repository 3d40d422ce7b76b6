/**
 * Questions people ask in auth threads, answered as data: per question topic (the `asks_*`
 * statement topics of evidence/facts/session.ts), the exact command or one sentence of fact for
 * each OpenClaw version range (openclaw-cli.md §10: `paste-api-key` from 2026.5.28, the SQLite
 * auth store from 2026.6.5, `models auth logout` from 2026.8.1). The first row whose range holds
 * the thread's version range answers; a row with no range is the answer when the version is
 * unknown. The conversation renders the row; tests and `pincer explain` can read the table.
 */
import { compareVersions, type VersionRange } from '../diagnosis/versions.ts';
import type { StatementTopic } from '../evidence/facts.ts';

/** What an answer may quote: the thread's provider, and a command formatter for where the user types. */
export interface AnswerContext {
  provider: string;
  /** The exact version when the thread shows it. */
  version: string | null;
  /** Formats a command as inline code, `!`-prefixed inside the TUI where that runs it. */
  cmd: (command: string) => string;
}

export interface QuestionAnswer {
  topic: StatementTopic;
  /** Versions the answer holds for (inclusive); `{}` = the answer when the version is unknown. */
  versions: VersionRange;
  text: (c: AnswerContext) => string;
}

const rekeyAnthropic = (c: AnswerContext): string =>
  `To enter the key again, run ${c.cmd('openclaw onboard')} in a terminal and choose **Anthropic API key** (paste it with the copy button, unchanged), then ${c.cmd('openclaw models status')}: the masked key must change.`;

export const QUESTION_ANSWERS: readonly QuestionAnswer[] = [
  { topic: 'asks_rekey', versions: { min: '2026.5.28' }, text: (c) => (c.provider === 'anthropic' ? rekeyAnthropic(c) : `To enter the key again, run ${c.cmd(`openclaw models auth paste-api-key --provider ${c.provider}`)} in a terminal and paste it unchanged, then ${c.cmd('openclaw models status')}: the masked key must change.`) },
  { topic: 'asks_rekey', versions: { max: '2026.5.27' }, text: (c) => (c.provider === 'anthropic' ? rekeyAnthropic(c) : `To enter the key again, run ${c.cmd('openclaw onboard')} in a terminal and choose ${c.provider} (paste the key unchanged), then ${c.cmd('openclaw models status')}: the masked key must change.`) },
  { topic: 'asks_rekey', versions: {}, text: (c) => (c.provider === 'anthropic' ? rekeyAnthropic(c) : `To enter the key again, run ${c.cmd('openclaw onboard')} in a terminal (from 2026.5.28 also ${c.cmd(`openclaw models auth paste-api-key --provider ${c.provider}`)}), then ${c.cmd('openclaw models status')}.`) },

  { topic: 'asks_switch_auth', versions: {}, text: (c) => `To use a Claude subscription, run \`claude setup-token\`, then ${c.cmd('openclaw models auth paste-token --provider anthropic')}; to go back to an API key, run ${c.cmd('openclaw onboard')} and choose **Anthropic API key**. Then ${c.cmd('openclaw models status')} shows which one is used.` },

  { topic: 'asks_key_location', versions: { max: '2026.6.4' }, text: (c) => `On your version OpenClaw keeps keys per agent in \`~/.openclaw/agents/<agent>/agent/auth-profiles.json\`; ${c.cmd('openclaw models status')} shows them masked, never in full.` },
  { topic: 'asks_key_location', versions: { min: '2026.6.5', max: '2026.7.99' }, text: (c) => `On your version OpenClaw keeps keys per agent in an SQLite store, \`~/.openclaw/agents/<agent>/agent/openclaw-agent.sqlite\` (an old \`auth-profiles.json\` is read only after \`openclaw doctor --fix\` imports it); ${c.cmd('openclaw models status')} shows them masked.` },
  { topic: 'asks_key_location', versions: { min: '2026.8.1' }, text: (c) => `On your version OpenClaw keeps keys in SQLite: per agent in \`~/.openclaw/agents/<agent>/agent/openclaw-agent.sqlite\`, shared ones in \`~/.openclaw/state/openclaw.sqlite\`; ${c.cmd('openclaw models status')} shows them masked.` },
  { topic: 'asks_key_location', versions: {}, text: (c) => `OpenClaw keeps keys per agent in \`~/.openclaw/agents/<agent>/agent/auth-profiles.json\` (from 2026.6.5 in an SQLite store beside it); ${c.cmd('openclaw models status')} shows them masked, never in full.` },

  { topic: 'asks_request_id', versions: {}, text: (c) => `No need for the request id: it only identifies one failed call on the provider's side. What helps is the output of ${c.cmd('openclaw models status')} (the key there is masked).` },

  { topic: 'asks_restart', versions: {}, text: (c) => `Yes, after changing a key or env var restart the gateway so it reads it: ${c.cmd('openclaw gateway restart')}.` },

  { topic: 'asks_version', versions: {}, text: (c) => (c.version ? `Your paste shows OpenClaw ${c.version}; ${c.cmd('openclaw --version')} prints it again.` : `${c.cmd('openclaw --version')} prints it (\`OpenClaw 2026.X.Y\`).`) },

  { topic: 'asks_remove_profile', versions: { min: '2026.8.1' }, text: (c) => `See the profile ids with ${c.cmd('openclaw models status')}, then ${c.cmd('openclaw models auth logout <profile-id> --yes')} removes one.` },
  { topic: 'asks_remove_profile', versions: { max: '2026.7.99' }, text: (c) => `Your version has no command that removes a profile: pin the one you want instead, ${c.cmd(`openclaw models auth order set --provider ${c.provider} <profile-id>`)} (the ids are in ${c.cmd('openclaw models status')}).` },
  { topic: 'asks_remove_profile', versions: {}, text: (c) => `See the profile ids with ${c.cmd('openclaw models status')}; from 2026.8.1 ${c.cmd('openclaw models auth logout <profile-id> --yes')} removes one (older versions: pin the one you want with \`openclaw models auth order set --provider ${c.provider} <profile-id>\`).` },

  { topic: 'asks_other_setup', versions: {}, text: () => 'For setting up the Discord channel, the guide is https://docs.openclaw.ai/channels/discord; if DMs get no answer, run `openclaw pairing list discord` and paste what it prints.' },
];

/** Whether the thread's range lies inside `row` (a bound the thread does not know never fits). */
function holds(row: VersionRange, thread: VersionRange): boolean {
  if (row.min === undefined && row.max === undefined) return true;
  if (row.min !== undefined && (thread.min === undefined || compareVersions(thread.min, row.min) < 0)) return false;
  if (row.max !== undefined && (thread.max === undefined || compareVersions(thread.max, row.max) > 0)) return false;
  return true;
}

/** The answer to `topic` for a thread on `versions`, or null when the topic is not a question. */
export function answerQuestion(topic: string, versions: VersionRange, c: AnswerContext): string | null {
  const row = QUESTION_ANSWERS.find((r) => r.topic === topic && holds(r.versions, versions));
  return row ? row.text(c) : null;
}
