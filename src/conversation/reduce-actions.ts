/**
 * Events that are not messages: feedback buttons, solved / unsolved marks, timers, pause/resume.
 * Permission checks (who may press what) are the adapter's; the reducer records `by`.
 */
import { pickUnsaid } from './never-repeat.ts';
import { reminders } from './policy-texts.ts';
import { openAsk } from './asks.ts';
import { post, setStatus, type Turn } from './post.ts';
import { escalatedThisEpisode, escalationSummary } from './escalation.ts';
import { escalate } from './respond.ts';
import { settle } from './suggestions.ts';
import type { ReducerDeps } from './deps.ts';
import { releaseHeld, withoutHeld } from './hold.ts';
import type { Outcome, ThreadEvent, ThreadState, ThreadStatus } from './types.ts';
import { viewOf, lastAuthorMessageId } from './view-input.ts';

type Action = Exclude<ThreadEvent, { type: 'message' } | { type: 'edit' }>;

/** The status a thread returns to when a solution is withdrawn: what its last reply left. */
function statusFromReplies(s: ThreadState): ThreadStatus {
  if (s.escalations.some((e) => e.episode === s.episode)) return 'needs_human';
  const last = s.replies.filter((r) => r.episode === s.episode && !r.deleted).at(-1);
  if (!last) return 'new';
  return last.kind === 'ask' || (last.kind === 'nudge' && last.askId) ? 'needs_info' : 'bot_answered';
}

function markSolved(t: Turn, by: string, messageId: string | null, source: 'pincer' | 'answer_overflow' | 'feedback'): void {
  const s = t.state;
  if (s.status === 'solved' || s.status === 'closed') return;
  const branch = s.suggestions.filter((g) => g.episode === s.episode).at(-1)?.branch ?? null;
  const pincerReply = messageId !== null && s.replies.some((r) => r.replyId === messageId || r.postedId === messageId);
  t.state = {
    ...settle(withoutHeld(s), (g) => g.episode === s.episode, 'worked', messageId ?? by),
    solutions: [...s.solutions, { at: t.now, episode: s.episode, messageId, by, branch, pincerReply, source }],
    episode: s.episode + 1,
  };
  setStatus(t, 'solved');
}

/**
 * Applies a feedback button, a solved/unsolved mark, a due timer or pause/resume to the turn:
 * "worked" and solved marks close the problem (solution recorded, auto-close scheduled by the
 * reducer), "didn't work" hands over, "dismiss" deletes the reply, a reminder goes out at most
 * once per ask, auto_close closes a solved thread, answer_held answers what a rate limit held
 * (the outcome of that answer is returned; null for every other action). A solved mark drops a
 * held answer: the problem it was about is closed.
 */
export function onAction(t: Turn, ev: Action, deps: ReducerDeps): Outcome | null {
  act(t, ev);
  if (ev.type === 'timer' && ev.timer === 'answer_held') return releaseHeld(t, ev.limitedUntil, deps);
  return null;
}

function act(t: Turn, ev: Action): void {
  const s = t.state;
  switch (ev.type) {
    case 'feedback': {
      const reply = s.replies.find((r) => r.replyId === ev.replyId);
      if (!reply) return;
      t.state = { ...s, feedback: [...s.feedback, { at: t.now, replyId: ev.replyId, verdict: ev.verdict, by: ev.by }] };
      if (ev.verdict === 'worked') markSolved(t, ev.by, ev.replyId, 'feedback');
      else if (ev.verdict === 'dismiss') {
        t.state = { ...t.state, replies: t.state.replies.map((r) => (r.replyId === ev.replyId ? { ...r, deleted: true } : r)) };
        t.effects.push({ type: 'delete_reply', replyId: ev.replyId });
      } else if (reply.episode === s.episode) {
        t.state = settle(t.state, (g) => g.replyId === ev.replyId, 'failed', ev.replyId);
        const to = { messageId: reply.toMessageId, seq: reply.seq };
        escalate(t, 'didnt_work', reply.branch, to);
      }
      return;
    }
    case 'solved':
      return markSolved(t, ev.by, ev.messageId ?? null, ev.source);
    case 'unsolved': {
      const last = s.solutions.at(-1);
      if (s.status !== 'solved' || !last) return;
      const reopened = s.messages.some((m) => m.episode > last.episode) ? s.episode : last.episode;
      t.state = { ...s, solutions: s.solutions.slice(0, -1), episode: reopened };
      setStatus(t, statusFromReplies(t.state));
      return;
    }
    case 'helper':
      return requestHelper(t, ev.by);
    case 'timer':
      if (ev.timer === 'auto_close') {
        if (s.status === 'solved') setStatus(t, 'closed');
        return;
      }
      if (ev.timer === 'remind_author') remind(t);
      return;
    case 'pause':
      t.state = { ...s, paused: true };
      return;
    case 'resume':
      t.state = { ...s, paused: false };
      return;
  }
}

/**
 * `/helper`: a person asks for a human. The same hand-over as an automatic escalation (reason
 * `requested`, once per problem; nothing again when already escalated). A thread Pincer has no
 * message of gets the escalation without a reply.
 */
function requestHelper(t: Turn, by: string): void {
  const s = t.state;
  if (escalatedThisEpisode(s)) return;
  const branch = s.suggestions.filter((g) => g.episode === s.episode).at(-1)?.branch ?? null;
  const last = s.messages.at(-1);
  if (last) return escalate(t, 'requested', branch, { messageId: last.messageId, seq: last.seq });
  const summary = escalationSummary(s, 'requested', branch);
  t.state = { ...s, escalatedAt: t.now, escalations: [...s.escalations, { at: t.now, episode: s.episode, triggerId: by, summary }] };
  t.effects.push({ type: 'escalate', summary });
  setStatus(t, 'needs_human');
}

/** remind_author: once per open ask, when the author has not answered it. */
function remind(t: Turn): void {
  const s = t.state;
  const ask = openAsk(s);
  if (!ask || ask.reminded) return;
  t.state = { ...s, asks: s.asks.map((a) => (a === ask ? { ...a, reminded: true } : a)) };
  const asked = s.replies.find((r) => r.replyId === ask.replyId);
  if (!asked || s.status !== 'needs_info' || s.paused) return;
  const view = viewOf(s, lastAuthorMessageId(s));
  const reply = pickUnsaid(t.state, reminders(ask, view.inTui));
  if (reply) post(t, reply, asked.toMessageId, asked.seq, { key: null });
}
