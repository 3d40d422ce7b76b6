// `node --import ./test/cli/load-trace.mjs …`: appends every module URL the process loads to
// the file in PINCER_LOAD_TRACE (used to check what `pincer diagnose` loads at start).
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(`
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (process.env.PINCER_LOAD_TRACE) appendFileSync(process.env.PINCER_LOAD_TRACE, resolved.url + '\\n');
  return resolved;
}`)}`,
);
