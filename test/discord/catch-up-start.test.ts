import { describe, expect, it } from 'vitest';
import { catchUpStart, justBefore, snowflakeBefore, snowflakeTime } from '../../src/discord/catch-up-start.ts';

/** A snowflake created at `ms` (worker/process/increment bits from `n`). */
const at = (ms: number, n = 0): string => (((BigInt(ms) - 1_420_070_400_000n) << 22n) + BigInt(n)).toString();

const T0 = Date.UTC(2026, 10, 21, 9, 0, 0);
const H = 3_600_000;
const thread = at(T0);
const base = { threadId: thread, createdAt: T0, now: T0 + H, maxAgeMs: 6 * H, storeCreatedAt: T0 - 30 * 24 * H };

describe('where catch-up starts reading a thread', () => {
  it('reads a thread it never saw from its starter, if the thread is young enough', () => {
    expect(catchUpStart({ ...base, known: false })).toBe(justBefore(thread));
    expect(catchUpStart({ ...base, known: false, now: T0 + 7 * H })).toBeNull();
  });

  it('reads a known thread over the whole window (processed marks decide, not the newest one)', () => {
    expect(catchUpStart({ ...base, known: true })).toBe(justBefore(thread));
    const start = catchUpStart({ ...base, known: true, now: T0 + 10 * H })!;
    expect(snowflakeTime((BigInt(start) + 1n).toString())).toBe(T0 + 4 * H);
  });

  it('a new store reads nothing from before it was created', () => {
    const created = T0 + H - 5_000;
    const start = catchUpStart({ ...base, known: false, storeCreatedAt: created })!;
    expect(start).toBe(snowflakeBefore(created));
    expect(BigInt(at(created - 1, 4095))).toBeLessThanOrEqual(BigInt(start));
    expect(BigInt(at(created))).toBeGreaterThan(BigInt(start));
  });

  it('reads a snowflake timestamp', () => {
    expect(snowflakeTime(at(T0, 12345))).toBe(T0);
  });
});
