/**
 * Family F: OpenClaw's own Discord channel — pairing, intents, bot token (branches.md §F,
 * openclaw-cli.md §7). A DM that gets a model error as its reply is NOT pairing: the bot answered.
 */
import { statements } from '../signals.ts';
import type { Rule } from '../types.ts';

const DOCS_DISCORD = 'https://docs.openclaw.ai/channels/discord#troubleshooting';

const DM_SAID = { statement: ['dm_not_working'] } as const;
const ANSWERED = {
  verdict: 'ruled_out',
  reason: 'the DM got `{with}` back: the bot answered, the model call failed',
  text: 'DMs "not working", and a model error that is the reply',
} as const;
/** An account of `channels status` with a DM policy, quoted `dm:<policy>`. */
const DM_POLICY = { fact: 'channels_status', each: 'accounts', quote: 'dm:{dmPolicy}' } as const;

export const discordDmPairing: Rule = {
  id: 'discord_dm_pairing',
  family: 'discord-channel',
  title: 'DMs wait for pairing approval',
  priority: 20,
  signals: [
    {
      fact: 'pairing_list',
      latest: true,
      where: { pending: { gt: 0 } },
      reason: '`pairing list` shows {pending} pending request(s).',
      text: '`openclaw pairing list discord` with a pending request',
    },
    { fact: 'pairing_list', latest: true, verdict: 'ruled_out', reason: 'no pending pairing request', text: '`openclaw pairing list discord` with no pending request' },
    // The DM got a model error back: the bot answered, the model call failed.
    { ...DM_SAID, with: { error: 'any', where: { rejection: true }, order: 'not_before' }, ...ANSWERED },
    { ...DM_SAID, with: { error: ['no_api_key'], order: 'not_before' }, ...ANSWERED },
    {
      ...DM_SAID,
      with: { ...DM_POLICY, where: { dmPolicy: 'pairing' } },
      reason: "`{quote}` with `{with}`: new DM senders wait for the owner's approval.",
      text: 'DMs get no answer, and `channels status` shows `dm:pairing`',
      specificity: 2,
    },
    { ...DM_SAID, with: { ...DM_POLICY, where: { dmPolicy: { not: 'pairing' } } }, verdict: 'possible', reason: '`{with}`', text: 'DMs get no answer, with another DM policy' },
    {
      ...DM_SAID,
      reason: "`{quote}`: new DM senders get a pairing code and wait for the owner's approval (DM policy `pairing` by default).",
      text: "DMs to the user's OpenClaw bot get no answer / a pairing code",
    },
  ],
  then: '`openclaw pairing approve discord <CODE>`',
  docs: DOCS_DISCORD,
  commands: [],
  steps: [
    {
      versions: 'any',
      command: 'openclaw pairing list discord',
      why: 'It lists DM senders waiting for approval (codes last 1 hour).',
      then: 'Approve yours with `openclaw pairing approve discord <CODE>` (the code from the list), then DM the bot again.',
    },
    {
      case: 'pending',
      versions: 'any',
      command: 'openclaw pairing approve discord <CODE>',
      why: 'Approve the waiting DM sender (codes expire after 1 hour; if several are listed, approve yours).',
      then: 'Then DM the bot again; it should answer.',
    },
  ],
  // The pairing list is pasted with a pending request: approve it; otherwise list them.
  stepCase: (ctx) => ((ctx.view.all('pairing_list').at(-1)?.pending ?? 0) > 0 ? 'pending' : undefined),
  values: (ctx) => ({ '<CODE>': ctx.view.all('pairing_list').at(-1)?.codes?.[0] }),
};

export const discordIntentsMissing: Rule = {
  id: 'discord_intents_missing',
  family: 'discord-channel',
  title: 'Message Content Intent is not enabled',
  priority: 40,
  then: '`openclaw gateway restart`, then `openclaw channels status --probe`',
  docs: DOCS_DISCORD,
  commands: [],
  signals: [
    {
      error: ['discord_intents_missing'],
      text: '`Fatal Gateway error: 4014` / `Used disallowed intents`',
      reason: "`{quote}`: Discord refuses the bot's connection without Message Content Intent.",
    },
    {
      fact: 'channels_status',
      each: 'accounts',
      where: { intentsContent: { re: '.' } },
      quote: 'intents:content={intentsContent}',
      reason: '`{quote}` for `{account}`: the bot cannot read guild messages.',
      text: '`intents:content=disabled` (or `limited`) on an account of `openclaw channels status --probe`',
    },
    {
      statement: ['guild_not_working'],
      verdict: 'possible',
      reason: '`{quote}`',
      text: 'bot online but silent in guild channels',
    },
  ],
  steps: [
    {
      versions: 'any',
      kind: 'action',
      text: 'In the Discord Developer Portal → your app → Bot → Privileged Gateway Intents, turn on **Message Content Intent** and save.',
      why: 'OpenClaw always requests it; without it Discord closes the connection (4014) or hides message text.',
      then: 'Then `openclaw gateway restart` and `openclaw channels status --probe` (no `intents:content=` bit any more).',
    },
    // "It is enabled in the portal": that step is done; the docs' first look is the live probe (§8).
    {
      case: 'enabled_said',
      versions: 'any',
      command: 'openclaw channels status --probe',
      runIn: 'gateway_host',
      why: 'You turned the intent on already: the probe shows what Discord grants the bot now (`intents:content=` is left out once it is enabled).',
      then: 'If it still shows `intents:content=…`, save the portal toggle again, `openclaw gateway restart`, and probe again.',
    },
  ],
  stepCase: (ctx) => (statements(ctx.view, 'intent_enabled_said').length > 0 && ctx.view.all('channels_status').length === 0 ? 'enabled_said' : undefined),
};

export const discordTokenMissing: Rule = {
  id: 'discord_token_missing',
  family: 'discord-channel',
  title: 'The Discord bot token is missing or wrong',
  priority: 45,
  beats: ['provider_key_invalid'],
  then: '`openclaw gateway restart`',
  docs: DOCS_DISCORD,
  commands: [{ kind: 'openclaw', template: 'openclaw config set channels.discord.token \'"<bot token>"\' --json' }],
  signals: [
    {
      error: ['discord_token_missing', 'discord_getme_failed'],
      text: '`Discord bot token missing` / `getMe failed`',
      reason: '`{quote}`: the gateway has no working Discord bot token.',
    },
    {
      fact: 'channels_status',
      each: 'accounts',
      where: { error: { re: 'missing token|getMe failed' } },
      reason: '`channels status --probe` reports the bot token missing or refused',
      text: '`openclaw channels status --probe`: an account with `missing token` or `getMe failed`',
      specificity: 2,
    },
    {
      fact: 'channels_status',
      each: 'accounts',
      where: { bits: { has: 'token:config (unavailable)' } },
      reason: '`channels status --probe` reports the bot token missing or refused',
      text: '`openclaw channels status --probe`: an account with `token:config (unavailable)`',
    },
  ],
  steps: [
    {
      versions: 'any',
      command: 'openclaw config set channels.discord.token \'"<bot token>"\' --json',
      runIn: 'gateway_host',
      why: 'Type it on the gateway host with the token from Developer Portal → Bot → Reset Token in place of `<bot token>` (never in Discord).',
      then: 'Then `openclaw gateway restart`.',
    },
  ],
};
