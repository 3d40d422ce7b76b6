/** The reply shape now lives in src/conversation/reply-shape.ts (the reducer records it); re-exported for reply/. */
export type * from '../conversation/reply-shape.ts';
