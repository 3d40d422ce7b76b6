/**
 * Runtime helpers with no Discord types: one queue per thread (events of a thread are handled in
 * arrival order, so replies never overtake each other) and in-flight tracking for a clean stop.
 */

/** Runs tasks one at a time per key; different keys run concurrently. */
export class ThreadQueue {
  private readonly tails = new Map<string, Promise<void>>();

  /** Queues `task` behind the key's earlier tasks; resolves/rejects with the task's result. */
  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const prev = this.tails.get(key) ?? Promise.resolve();
    const result = prev.then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** True while `key` has a task queued or running. */
  busy(key: string): boolean {
    return this.tails.has(key);
  }
}

/** Tracks promises still running so a stop can wait for them. */
export class Inflight {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = (): void => void this.running.delete(work);
    work.then(done, done);
    return work;
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when everything tracked has settled, or after `timeoutMs`; true if all settled. */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, left)));
      await Promise.race([Promise.allSettled([...this.running]), timeout]);
      clearTimeout(timer);
    }
    return true;
  }
}
