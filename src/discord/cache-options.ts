/**
 * What discord.js keeps in memory for Pincer (issue 17: under 150 MB after 10,000 threads, no
 * growth with history). Everything that must last is in SQLite; the caches hold only what the
 * handlers read back soon after it arrived:
 *  - messages: the channel's recent messages (coexistence.ts looks for another bot's answer in a
 *    catch-up page of 100, image-ask.ts for its own ask, message-input.ts for a replied-to
 *    message), each soon after it was cached. At most 100 per channel and MESSAGE_BUDGET in all:
 *    the message cached longest ago, in any channel, goes first. No time-based sweeper: it
 *    would judge a message by its age, and catch-up reads old messages it has just fetched.
 *  - users and guild members: an author's member (roles decide 'helper') is read right after the
 *    message that carried it; at most USER_BUDGET, Pincer's own user and member always kept.
 *  - threads: a count budget of the most recently active, swept by thread-cache.ts, which also
 *    handles the edits and reactions (✅) discord.js drops for a thread it no longer caches
 *    (it builds no channel from MESSAGE_UPDATE or a reaction; a new message is completed by
 *    REST, message-input.ts). Archived threads also go after 4 hours (discord.js's default).
 *  - presences, voice, stage, emojis, stickers, invites, bans, scheduled events, thread members,
 *    automod rules: never read, never cached.
 */
import { Collection, Options, type CacheFactory, type Snowflake, type SweeperOptions } from 'discord.js';

/** Messages cached across all channels. */
export const MESSAGE_BUDGET = 2_000;
/** Users (and guild members) cached. */
export const USER_BUDGET = 1_000;
/** Messages per channel (a catch-up page). */
const PER_CHANNEL = 100;

/** Every cached message's collection, oldest insertion first: the one shared budget. */
const order = new Map<Snowflake, Collection<Snowflake, unknown>>();

/**
 * A channel's message cache: at most PER_CHANNEL entries, and all of them together at most
 * `budget`; past either limit the oldest insertion is dropped.
 */
export class BudgetedMessages<V> extends Collection<Snowflake, V> {
  /** filter(), map()… return plain Collections, outside the budget. */
  static override get [Symbol.species]() {
    return Collection;
  }

  private readonly budget: number;

  constructor(budget = MESSAGE_BUDGET) {
    super();
    this.budget = budget;
  }

  override set(key: Snowflake, value: V): this {
    if (!this.has(key) && this.size >= PER_CHANNEL) this.delete(this.firstKey()!);
    order.delete(key);
    order.set(key, this as Collection<Snowflake, unknown>);
    while (order.size > this.budget) {
      const [oldest, owner] = order.entries().next().value!;
      owner.delete(oldest);
      order.delete(oldest);
    }
    return super.set(key, value);
  }

  override delete(key: Snowflake): boolean {
    if (order.get(key) === this) order.delete(key);
    return super.delete(key);
  }

  override clear(): void {
    for (const key of this.keys()) if (order.get(key) === this) order.delete(key);
    super.clear();
  }
}

/** How many messages are cached across all channels (tests, the bench). */
export const cachedMessages = (): number => order.size;

const selfId = (v: { id: Snowflake; client: { user: { id: Snowflake } | null } }): boolean => v.id === v.client.user?.id;

const limited = Options.cacheWithLimits({
  UserManager: { maxSize: USER_BUDGET, keepOverLimit: selfId },
  GuildMemberManager: { maxSize: USER_BUDGET, keepOverLimit: selfId },
  ThreadMemberManager: 0,
  PresenceManager: 0,
  VoiceStateManager: 0,
  StageInstanceManager: 0,
  GuildEmojiManager: 0,
  GuildStickerManager: 0,
  GuildInviteManager: 0,
  GuildBanManager: 0,
  GuildScheduledEventManager: 0,
  AutoModerationRuleManager: 0,
});

/** discord.js `makeCache`: budgeted message caches, limited user/member caches (see above). */
export const makeCache: CacheFactory = (managerType, holds, manager) =>
  managerType.name === 'MessageManager' ? new BudgetedMessages() : limited(managerType, holds, manager);

/** discord.js `sweepers`: archived threads after 4 hours (its default, said here on purpose). */
export const sweepers: SweeperOptions = { ...Options.DefaultSweeperSettings };
