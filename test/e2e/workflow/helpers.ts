/**
 * Helpers for the community-workflow scenarios (issue 7): read the bot's SQLite file the way an
 * operator would (a separate read-only connection, so it sees what the bot committed), wait for
 * an interaction's ephemeral answer, and find Pincer's buttons on a posted reply.
 */
import Database from 'better-sqlite3';
import { GatewayDispatchEvents, type APIMessage, type APIUser } from 'discord-api-types/v10';
import { eventually } from '../../fake-discord/eventually.ts';
import type { InteractionRecord } from '../../fake-discord/index.ts';
import type { Scenario } from '../harness/scenario.ts';

export type Row = Record<string, unknown>;

/** Runs `sql` on a fresh read-only connection to the bot's database. */
export function rows(sc: Scenario, sql: string, ...params: unknown[]): Row[] {
  const db = new Database(sc.dbPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as Row[];
  } finally {
    db.close();
  }
}

/** Changes the bot's database while the bot is stopped (e.g. a timer that came due meanwhile). */
export function write(sc: Scenario, sql: string, ...params: unknown[]): number {
  const db = new Database(sc.dbPath, { fileMustExist: true });
  try {
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}

/** The text the user saw in answer to an interaction (reply, or the deferred reply's edit). */
export async function answerOf(rec: InteractionRecord, timeout = 10_000): Promise<{ content: string; ephemeral: boolean }> {
  const m = await eventually(() => (rec.original?.content ? rec.original : null), { timeout, message: 'the interaction got no answer' });
  return { content: m.content, ephemeral: ((m.flags ?? 0) & 64) !== 0 };
}

/** The custom id of Pincer's button labelled `label` on a posted message, or undefined. */
export function buttonId(m: APIMessage, label: string): string | undefined {
  for (const row of (m.components ?? []) as { components?: { label?: string; custom_id?: string }[] }[]) {
    const b = row.components?.find((c) => c.label === label);
    if (b) return b.custom_id;
  }
  return undefined;
}

/** Reactions Pincer added (PUT …/reactions/<emoji>/@me) to message `messageId`. */
export function botReactions(sc: Scenario, messageId: string): string[] {
  return sc.fake.recorder
    .requests('PUT', new RegExp(`/messages/${messageId}/reactions/[^/]+/@me$`))
    .map((r) => decodeURIComponent(r.path.split('/reactions/')[1]!.split('/')[0]!));
}

/** Tag names applied to a forum post now. */
export function tagNames(sc: Scenario, threadId: string): string[] {
  const thread = sc.fake.state.channel(threadId) as { applied_tags?: string[] };
  const byId = Object.fromEntries(Object.entries(sc.fake.state.tags).map(([name, id]) => [id, name]));
  return (thread.applied_tags ?? []).map((id) => byId[id] ?? id);
}

/** Real error output that Pincer diagnoses on its own (credit_balance_low, reference §4). */
export const BILLING_ERROR =
  '⚠️ anthropic (claude-sonnet-4-6) returned a billing error — your API key has run out of credits or has an insufficient balance. Check your anthropic billing dashboard and top up or switch to a different API key.';

/** A 401 in the TUI without `models status`: Pincer asks for the one output that decides. */
export const TUI_401 = [
  'run error: HTTP 401 authentication_error: invalid x-api-key (request_id: sha256:c6bb760e0b67)',
  'connected | error',
  'agent main | session main (openclaw-tui) | anthropic/claude-sonnet-4-6 | think adaptive | tokens ?/1.0m',
].join('\n');

/**
 * `user` adds `emoji` to `message`: MESSAGE_REACTION_ADD as the gateway sends it (Answer
 * Overflow's ✅ when `user` is that bot).
 */
export function reactAs(sc: Scenario, user: APIUser, message: APIMessage, emoji: string): void {
  const s = sc.fake.state;
  sc.fake.gateway.dispatch(GatewayDispatchEvents.MessageReactionAdd, {
    type: 0,
    user_id: user.id,
    channel_id: message.channel_id,
    message_id: message.id,
    guild_id: s.guildId,
    member: s.members.get(user.id),
    emoji: { id: null, name: emoji },
    burst: false,
    burst_colors: [],
    message_author_id: message.author.id,
  });
}
