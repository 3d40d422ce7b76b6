// Pincer's bot as the bench runs it: `pincer start` (runDiscordBot) from the bundle in
// dist/bundle/ when `npm run build` made it — what production runs — else tsc's dist/, else the
// TypeScript sources through tsx (the 'bench runtime' log line says which). Pointed at the fake Discord.
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { applyStartFlags } from '../bin/start-flags.mjs';
import { answerMemoryRequests, benchClientOptions } from './child-options.mjs';

// As `pincer start` does (bin/pincer.mjs); the bench passes START_NODE_FLAGS on the command line.
if (process.env.BENCH_NO_START_FLAGS !== '1') applyStartFlags();

// The bundle bin/pincer.mjs runs (`npm run build` names its bot chunk bot.js), else tsc's output.
const bundled = fileURLToPath(new URL('../dist/bundle/bot.js', import.meta.url));
const compiled = existsSync(bundled) ? bundled : fileURLToPath(new URL('../dist/cli/bot.js', import.meta.url));
let runDiscordBot;
if (existsSync(compiled)) {
  ({ runDiscordBot } = await import(pathToFileURL(compiled).href));
  process.stderr.write(`${JSON.stringify({ msg: 'bench runtime', runtime: compiled === bundled ? 'bundle' : 'dist' })}\n`);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runDiscordBot } = await import('../src/cli/bot.ts'));
  process.stderr.write(`${JSON.stringify({ msg: 'bench runtime', runtime: 'tsx' })}\n`);
}
answerMemoryRequests();
process.exitCode = await runDiscordBot(process.env, { clientOptions: benchClientOptions() });
process.exit();
