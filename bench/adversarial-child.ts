/**
 * Runs the adversarial inputs from index argv[2] on, one JSON line per input on stdout
 * (`{"i","name","ms","bytes"}`), so the parent can stop a super-linear case at its time limit.
 */
import { ADVERSARIAL_INPUTS } from '../test/fixtures/adversarial.ts';
import { loadStages } from './stages.ts';

const stages = await loadStages();
for (let i = Number(process.argv[2] ?? 0); i < ADVERSARIAL_INPUTS.length; i++) {
  const { name, text } = ADVERSARIAL_INPUTS[i]!;
  const t0 = performance.now();
  stages.run(text);
  process.stdout.write(`${JSON.stringify({ i, name, ms: performance.now() - t0, bytes: Buffer.byteLength(text) })}\n`);
}
