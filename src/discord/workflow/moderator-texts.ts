/**
 * The moderators' `/pincer status` and `/pincer stats` answers as plain markdown (pure).
 */
import type { Counted, StoreStatus, WindowStats } from '../../store/stats.ts';

export interface RuntimeStatus {
  /** ms since the client became ready, or null. */
  uptimeMs: number | null;
  /** Gateway heartbeat round trip in ms; -1 before the first heartbeat. */
  pingMs: number;
}

function duration(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  return d > 0 ? `${d} d ${h} h` : h > 0 ? `${h} h ${m} min` : `${m} min ${s % 60} s`;
}

function size(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

export function statusText(rt: RuntimeStatus, db: StoreStatus): string {
  return [
    '**Pincer status**',
    `Uptime: ${rt.uptimeMs === null ? 'not connected' : duration(rt.uptimeMs)}`,
    `Gateway latency: ${rt.pingMs < 0 ? 'not measured yet' : `${Math.round(rt.pingMs)} ms`}`,
    `Database: ${size(db.bytes)}`,
    `Threads: ${db.open} open, ${db.solved} solved, ${db.closed} closed`,
    `Answers held by reply limits: ${db.held}`,
  ].join('\n');
}

const items = (xs: Counted[]) => (xs.length === 0 ? 'none' : xs.map((x) => `\`${x.label}\` ×${x.count}`).join(', '));

export function statsText(s: WindowStats): string {
  const rate = s.solved === 0 ? '–' : `${Math.round((100 * s.solvedByPincer) / s.solved)} %`;
  return [
    `**Pincer, last ${s.days} day${s.days === 1 ? '' : 's'}**`,
    `Threads: ${s.threads}`,
    `Solved: ${s.solved}, by Pincer's reply: ${s.solvedByPincer} (${rate})`,
    `Branches answered: ${items(s.branches)}`,
    `Fixes that failed most: ${items(s.failedFixes)}`,
    `Coverage gaps (errors Pincer had no diagnosis for): ${items(s.unmatched)}`,
  ].join('\n');
}
