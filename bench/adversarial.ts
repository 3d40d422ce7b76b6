/**
 * The adversarial part of the pipeline section, in a child process: an input that takes longer
 * than `limitMs` is stopped and reported as over the limit (a super-linear parser must not hang
 * the bench), and the run continues with the next input.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ADVERSARIAL_INPUTS } from '../test/fixtures/adversarial.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface AdversarialResult {
  name: string;
  /** Milliseconds, or null when stopped at the limit. */
  ms: number | null;
  bytes: number;
}

/** Runs the inputs from `from` until one exceeds `limitMs` (or all are done). */
function runFrom(from: number, limitMs: number, out: AdversarialResult[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`${ROOT}bin/run-ts.mjs`, `${ROOT}bench/adversarial-child.ts`, String(from)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let next = from;
    let timer = setTimeout(() => child.kill('SIGKILL'), limitMs + 5_000); // + start-up
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const r = JSON.parse(line) as AdversarialResult & { i: number };
      out.push({ name: r.name, ms: r.ms, bytes: r.bytes });
      next = r.i + 1;
      clearTimeout(timer);
      timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    });
    child.on('exit', () => {
      clearTimeout(timer);
      if (next < ADVERSARIAL_INPUTS.length && child.signalCode) {
        const { name, text } = ADVERSARIAL_INPUTS[next]!;
        out.push({ name, ms: null, bytes: Buffer.byteLength(text) });
        next++;
      }
      resolve(next);
    });
  });
}

export async function runAdversarial(limitMs: number): Promise<AdversarialResult[]> {
  const out: AdversarialResult[] = [];
  for (let from = 0; from < ADVERSARIAL_INPUTS.length; ) from = await runFrom(from, limitMs, out);
  return out;
}
