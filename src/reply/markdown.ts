/** Markdown helpers now live in src/text/markdown.ts (used below reply/ too); re-exported for reply/. */
export * from '../text/markdown.ts';
