/**
 * How a ThreadState's lists map to table rows, and back. Each list table has a key (its primary
 * key without thread_id), an `ord` column (the record's position in the list) and either plain
 * columns or a `data` JSON column; `fromRow` rebuilds the record and returns null for a row that
 * cannot be read (a bad row is skipped, never a crash).
 */
import { Fact } from '../evidence/facts.ts';
import type {
  AskRecord,
  ChangeRecord,
  EscalationRecord,
  FeedbackRecord,
  MessageRecord,
  ReplyRecord,
  SolutionRecord,
  StoredFact,
  SuggestionRecord,
  ThreadState,
} from '../conversation/types.ts';

export type Row = Record<string, string | number | null>;

export interface ListTable<T> {
  table: string;
  /** Primary key columns besides thread_id. */
  keys: string[];
  /** Columns written on insert/update (besides thread_id). */
  cols: string[];
  list(s: ThreadState): T[];
  toRow(record: T, ord: number): Row;
  fromRow(row: Row): T | null;
}

const json = (v: unknown): string => JSON.stringify(v);
function parse<T>(text: unknown): T | null {
  if (typeof text !== 'string') return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}
const str = (v: unknown): string => (typeof v === 'string' ? v : String(v ?? ''));
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));

const messages: ListTable<MessageRecord> = {
  table: 'messages',
  keys: ['message_id'],
  cols: ['message_id', 'ord', 'author_id', 'role', 'seq', 'episode', 'at', 'text_hash'],
  list: (s) => s.messages,
  toRow: (m, ord) => ({ message_id: m.messageId, ord, author_id: m.authorId, role: m.role, seq: m.seq, episode: m.episode, at: m.at, text_hash: m.textHash }),
  fromRow: (r) => ({
    messageId: str(r.message_id), authorId: str(r.author_id), role: str(r.role) as MessageRecord['role'],
    at: num(r.at), seq: num(r.seq), episode: num(r.episode), textHash: str(r.text_hash),
  }),
};

const facts: ListTable<StoredFact> = {
  table: 'facts',
  keys: ['message_id', 'idx'],
  cols: ['message_id', 'idx', 'ord', 'seq', 'episode', 'kind', 'stale', 'fact'],
  list: (s) => s.facts,
  toRow: (f, ord) => ({ message_id: f.messageId, idx: 0, ord, seq: f.seq, episode: f.episode, kind: f.fact.kind, stale: f.stale ? 1 : 0, fact: json(f.fact) }),
  fromRow: (r) => {
    const checked = Fact.safeParse(parse(r.fact));
    if (!checked.success) return null;
    return { messageId: str(r.message_id), seq: num(r.seq), episode: num(r.episode), fact: checked.data, stale: num(r.stale) === 1 };
  },
};

/** A list table whose record is stored whole as JSON in `data`, plus indexed columns. */
function dataTable<T>(table: string, keys: string[], names: string[], list: (s: ThreadState) => T[], cols: (r: T) => Row): ListTable<T> {
  return {
    table,
    keys,
    cols: [...new Set([...keys, 'ord', ...names, 'data'])],
    list,
    toRow: (rec, ord) => ({ ...cols(rec), ord, data: json(rec) }),
    fromRow: (r) => parse<T>(r.data),
  };
}

const asks = dataTable<AskRecord>('asks', ['reply_id'], ['ask_id', 'episode', 'asked_at', 'answered_by'], (s) => s.asks, (a) => ({
  reply_id: a.replyId, ask_id: a.askId, episode: a.episode, asked_at: a.at, answered_by: a.answeredBy ?? null,
}));
const suggestions = dataTable<SuggestionRecord>('suggestions', ['reply_id'], ['branch', 'command', 'outcome', 'episode', 'suggested_at'], (s) => s.suggestions, (g) => ({
  reply_id: g.replyId, branch: g.branch, command: g.command ?? null, outcome: g.outcome, episode: g.episode, suggested_at: g.at,
}));
const replies: ListTable<ReplyRecord> = {
  ...dataTable<ReplyRecord>('replies', ['reply_id'], ['to_message_id', 'kind', 'content_hash', 'branch', 'next_command', 'episode', 'replied_at', 'deleted'], (s) => s.replies, (r) => ({
    reply_id: r.replyId, to_message_id: r.toMessageId, kind: r.kind, content_hash: r.textHash,
    branch: r.branch, next_command: r.nextCommand ?? null, episode: r.episode, replied_at: r.at, deleted: r.deleted ? 1 : 0,
  })),
  // posted_id and posted_parts are written only by replyPosted(); the load merges them back.
  fromRow: (r) => {
    const rec = parse<ReplyRecord>(r.data);
    if (!rec) return null;
    const parts = parse<unknown>(r.posted_parts);
    const postedParts = Array.isArray(parts) ? parts.filter((p): p is string => typeof p === 'string') : [];
    const { postedParts: _copied, ...kept } = rec; // the column is the truth: an edit may have changed them
    return {
      ...kept,
      ...(typeof r.posted_id === 'string' ? { postedId: r.posted_id } : {}),
      ...(postedParts.length > 0 ? { postedParts } : {}),
    };
  },
};
const solutions = dataTable<SolutionRecord>('solutions', ['ord'], ['message_id', 'solved_by', 'branch', 'pincer_reply', 'source', 'episode', 'solved_at'], (s) => s.solutions, (x) => ({
  message_id: x.messageId ?? null, solved_by: x.by, branch: x.branch, pincer_reply: x.pincerReply ? 1 : 0,
  source: x.source, episode: x.episode, solved_at: x.at,
}));
const feedback = dataTable<FeedbackRecord>('feedback', ['ord'], ['reply_id', 'verdict', 'given_by', 'given_at'], (s) => s.feedback, (x) => ({
  reply_id: x.replyId, verdict: x.verdict, given_by: x.by, given_at: x.at,
}));
const escalations = dataTable<EscalationRecord>('escalations', ['ord'], ['reason', 'episode', 'escalated_at'], (s) => s.escalations, (x) => ({
  reason: x.summary.reason, episode: x.episode, escalated_at: x.at,
}));
const changes = dataTable<ChangeRecord>('changes', ['ord'], ['episode', 'seq'], (s) => s.changes, (x) => ({ episode: x.episode, seq: x.seq }));

/** Facts are keyed per message: idx = position among the message's facts. Rows from `from` on. */
export function factRows(s: ThreadState, from = 0): Row[] {
  const idx = new Map<string, number>();
  const rows: Row[] = [];
  s.facts.forEach((f, ord) => {
    const i = idx.get(f.messageId) ?? 0;
    idx.set(f.messageId, i + 1);
    if (ord >= from) rows.push({ ...facts.toRow(f, ord), idx: i });
  });
  return rows;
}

export const LIST_TABLES = { messages, facts, asks, suggestions, replies, solutions, feedback, escalations, changes } as const;
