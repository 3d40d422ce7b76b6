/** Node flags `pincer start` needs on node's command line (see start-flags.mjs). */
export declare const START_NODE_FLAGS: readonly string[];
/** V8 flags bin/pincer.mjs applies in-process before `start` loads anything. */
export declare const START_V8_FLAGS: readonly string[];
export declare function applyStartFlags(): void;
