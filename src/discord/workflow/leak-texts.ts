/**
 * What Pincer says when a full credential was pasted (pure): the public note (never the secret,
 * never even its masked form; says whether the message was removed), the rotation steps sent by
 * DM, the helper alert when it could not remove the message, and the mod-log line (who, where,
 * which credential type).
 */
import type { SecretFinding } from '../../ingest/types.ts';

/** Where each kind of credential is revoked (by credential type prefix). */
const CONSOLES: [prefix: string, where: string][] = [
  ['anthropic_oauth', 'your Claude account, then run `claude setup-token` again for a new token'],
  ['anthropic', 'the Anthropic Console: https://console.anthropic.com/settings/keys'],
  ['openrouter', 'OpenRouter: https://openrouter.ai/settings/keys'],
  ['openai', 'the OpenAI dashboard: https://platform.openai.com/api-keys'],
  ['google', 'Google AI Studio / Cloud console: https://aistudio.google.com/apikey'],
  ['groq', 'the Groq console: https://console.groq.com/keys'],
  ['github', 'GitHub: https://github.com/settings/tokens'],
  ['slack', 'your Slack app settings: https://api.slack.com/apps'],
  ['discord', 'the Discord Developer Portal (your application → Bot → Reset Token)'],
  ['telegram', 'Telegram @BotFather (`/revoke`)'],
];

export const typeName = (t: string): string => t.replace(/_/g, ' ');

function consoleFor(credentialType: string): string {
  return CONSOLES.find(([p]) => credentialType.startsWith(p))?.[1] ?? 'the service that issued it';
}

const uniqueTypes = (findings: SecretFinding[]) => [...new Set(findings.map((f) => f.credentialType))];

/** The public note in the thread / DM. `inGuild` false: a bot cannot delete a user's DM messages. */
export function publicNote(findings: SecretFinding[], removed: boolean, inGuild: boolean): string {
  const what = uniqueTypes(findings).map(typeName).join(', ');
  const fate = removed
    ? 'I removed the message.'
    : inGuild
      ? 'I could not remove the message, so I asked the helpers to delete it.'
      : 'A bot cannot delete messages in DMs, so it is still there: delete it yourself.';
  const steps = inGuild ? 'I sent you the steps by DM.' : rotationSteps(findings);
  return `⚠️ That message contained a full credential (${what}). ${fate} Treat it as public and revoke it now. ${steps}`;
}

/** Rotation steps; the masked form (type prefix + last 4) only tells the user which key it was. */
export function rotationSteps(findings: SecretFinding[]): string {
  const lines = findings.slice(0, 5).map((f) => `- \`${f.masked}\` (${typeName(f.credentialType)}): revoke it in ${consoleFor(f.credentialType)}`);
  return [
    'To rotate it:',
    ...lines,
    '- Create a new one, set it on the gateway host with `openclaw configure` (or the API key environment variable), then check with `openclaw models status`.',
    '- Next time, paste `openclaw models status` output: it shows keys masked.',
  ].join('\n');
}

export function rotationDm(findings: SecretFinding[], link: string, removed: boolean): string {
  return [
    `You pasted a full credential in ${link}. ${removed ? 'I removed that message' : 'The message could not be removed by me; a helper will delete it'}, but anyone could have copied it in the meantime.`,
    rotationSteps(findings),
  ].join('\n');
}

export function helperLeakAlert(findings: SecretFinding[], authorId: string, link: string, why: string): string {
  return `**Credential pasted** (${uniqueTypes(findings).map(typeName).join(', ')}) by <@${authorId}> in ${link}. I could not remove it (${why}): please delete that message.`;
}

export function modLogLine(findings: SecretFinding[], authorId: string, link: string, removed: boolean): string {
  const fate = removed ? 'removed' : 'NOT removed (helpers alerted)';
  return `Credential ${fate}: ${uniqueTypes(findings).map(typeName).join(', ')} posted by <@${authorId}> (${authorId}) in ${link}.`;
}
