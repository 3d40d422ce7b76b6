import { describe, expect, it } from 'vitest';
import { BudgetedMessages, cachedMessages, makeCache } from '../../src/discord/cache-options.ts';
import { MessageManager, UserManager, type Client } from 'discord.js';

describe('bounded discord.js caches', () => {
  it('message caches share one budget: the message cached longest ago, in any channel, goes first', () => {
    const before = cachedMessages();
    const a = new BudgetedMessages<string>(before + 3);
    const b = new BudgetedMessages<string>(before + 3);
    a.set('1', 'a1');
    b.set('2', 'b2');
    a.set('3', 'a3');
    b.set('4', 'b4');
    expect([...a.keys(), ...b.keys()].sort()).toEqual(['2', '3', '4']);
    expect(cachedMessages()).toBe(before + 3);
    b.delete('2');
    a.clear();
    expect(cachedMessages()).toBe(before + 1);
    b.clear();
  });

  it('keeps at most 100 messages per channel, the newest', () => {
    const c = new BudgetedMessages<number>();
    for (let i = 0; i < 150; i++) c.set(String(1000 + i), i);
    expect(c.size).toBe(100);
    expect(c.firstKey()).toBe('1050');
    expect(c.filter(() => true)).not.toBeInstanceOf(BudgetedMessages); // copies stay outside the budget
    c.clear();
  });

  it('gives every message manager a budgeted cache and limits users, keeping Pincer itself', () => {
    const messages = makeCache(MessageManager as never, null as never, MessageManager as never);
    expect(messages).toBeInstanceOf(BudgetedMessages);
    const users = makeCache(UserManager as never, null as never, UserManager as never) as unknown as Map<string, unknown> & { maxSize: number };
    expect(users.maxSize).toBe(1_000);
    const client = { user: { id: 'me' } } as unknown as Client;
    for (let i = 0; i < 1_001; i++) users.set(i === 0 ? 'me' : String(i), { id: i === 0 ? 'me' : String(i), client });
    expect(users.size).toBe(1_000);
    expect(users.has('me')).toBe(true);
  });
});
