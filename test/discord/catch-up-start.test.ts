import { describe, expect, it } from 'vitest';
import { catchUpStart, justBefore, snowflakeTime } from '../../src/discord/catch-up-start.ts';

/** A snowflake created at `ms` (worker/process/increment bits from `n`). */
const at = (ms: number, n = 0): string => (((BigInt(ms) - 1_420_070_400_000n) << 22n) + BigInt(n)).toString();

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const thread = at(T0);
const base = { threadId: thread, createdAt: T0, now: T0 + 3_600_000, maxAgeMs: 6 * 3_600_000, boundaryMs: T0 + 1_800_000 };

describe('where catch-up starts reading a thread', () => {
  it('reads a thread it never saw from its starter, if the thread is young enough', () => {
    expect(catchUpStart({ ...base, processedIds: null })).toBe(justBefore(thread));
    expect(catchUpStart({ ...base, processedIds: null, now: T0 + 7 * 3_600_000 })).toBeNull();
  });

  it('reads after the last message processed before the outage ended', () => {
    const a = at(T0 + 60_000);
    const b = at(T0 + 120_000);
    expect(catchUpStart({ ...base, processedIds: [thread, b, a] })).toBe(b);
  });

  it('ignores a live message answered after the outage ended, so older missed ones are still read', () => {
    const beforeOutage = at(T0 + 60_000);
    const liveAfterStart = at(T0 + 1_900_000);
    expect(catchUpStart({ ...base, processedIds: [thread, beforeOutage, liveAfterStart] })).toBe(beforeOutage);
  });

  it('ignores ids that are not Discord snowflakes (terminal threads)', () => {
    expect(catchUpStart({ ...base, processedIds: ['terminal-1'] })).toBe(justBefore(thread));
  });

  it('reads a snowflake timestamp', () => {
    expect(snowflakeTime(at(T0, 12345))).toBe(T0);
  });
});
