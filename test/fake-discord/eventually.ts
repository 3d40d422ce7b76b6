/**
 * Polls until an assertion stops throwing (or a value is truthy), for state that changes after
 * the fake recorded a request (pitfall 3). Not a timed assertion: the limit only bounds a hang.
 */
export async function eventually<T>(check: () => T | Promise<T>, o: { timeout?: number; interval?: number; message?: string } = {}): Promise<Exclude<T, false | null | undefined>> {
  const deadline = Date.now() + (o.timeout ?? 10_000);
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== false && v !== null && v !== undefined) return v as Exclude<T, false | null | undefined>;
      last = new Error(o.message ?? `condition still ${String(v)}`);
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw last;
    await new Promise((r) => setTimeout(r, o.interval ?? 10));
  }
}

/** Rejects with a named error when `p` takes longer than `ms` (teardown under a timeout, pitfall 13). */
export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, rej) => (timer = setTimeout(() => rej(new Error(`${what} took over ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
