/**
 * The bot's log output as the operator would read it: pino JSON lines, kept raw (to prove a
 * secret never appears) and parsed (to wait for "catch-up done" and friends).
 */
export interface LogLine {
  level?: number;
  msg?: string;
  [k: string]: unknown;
}

export class LogLines {
  readonly raw: string[] = [];
  readonly lines: LogLine[] = [];
  private partial = '';
  private readonly waiters = new Set<() => void>();

  /** Feeds a chunk of output (may end mid-line). */
  feed(chunk: string): void {
    const parts = (this.partial + chunk).split('\n');
    this.partial = parts.pop() ?? '';
    for (const line of parts) {
      if (!line) continue;
      this.raw.push(line);
      try {
        this.lines.push(JSON.parse(line) as LogLine);
      } catch {
        this.lines.push({ msg: line });
      }
    }
    for (const w of this.waiters) w();
  }

  /** All output as one string (for "never contains the key" checks). */
  text(): string {
    return this.raw.join('\n') + this.partial;
  }

  /** Lines whose msg equals / matches `msg`, or for which `msg(line)` is true. */
  find(msg: string | RegExp | ((l: LogLine) => boolean)): LogLine[] {
    const test = typeof msg === 'function' ? msg : typeof msg === 'string' ? (l: LogLine) => l.msg === msg : (l: LogLine) => msg.test(l.msg ?? '');
    return this.lines.filter(test);
  }

  /** Resolves with the first line matching `msg` (see `find`), waiting up to `timeoutMs`. */
  waitFor(msg: string | RegExp | ((l: LogLine) => boolean), timeoutMs = 15_000): Promise<LogLine> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.find(msg)[0];
        if (!hit) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no log line ${String(msg)} within ${timeoutMs} ms; last lines:\n${this.raw.slice(-10).join('\n')}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }
}
