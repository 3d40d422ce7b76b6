// What `pincer start` asks of V8 so that the bot stays small on a 256 MB host (issue 17; the
// figures are in README §Performance). Both leave the heap's limit alone: a megabyte paste still
// has all the room it needs, the heap just gives back what a burst of messages made it grow to.
//  - START_NODE_FLAGS must be on node's command line (V8 sizes the young generation once, at
//    start): `npm start` passes them, and so does the bench. Without them the young generation
//    takes up to 32 MB more.
//  - START_V8_FLAGS work at run time: bin/pincer.mjs applies them before `start` loads anything.
//    --optimize-for-size makes V8 grow the old generation in smaller steps and shrink it again
//    after a collection, instead of keeping 2–3× what is live.
import { setFlagsFromString } from 'node:v8';

export const START_NODE_FLAGS = ['--max-semi-space-size=1'];
export const START_V8_FLAGS = ['--optimize-for-size'];

/** Applies START_V8_FLAGS to this process (before the bot allocates). */
export function applyStartFlags() {
  for (const flag of START_V8_FLAGS) setFlagsFromString(flag);
}
