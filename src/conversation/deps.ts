/**
 * What the reducer needs from outside: the rules engine and the renderer (injected so policy can
 * be table-tested with controlled diagnoses) and the timer settings.
 */
import type { Diagnosis } from '../diagnosis/types.ts';
import type { EvidenceView } from '../diagnosis/view.ts';
import type { RenderedReply } from './reply-shape.ts';
import type { TimerConfig } from './timers.ts';

export interface ReducerDeps {
  diagnose(view: EvidenceView): Diagnosis;
  render(d: Diagnosis, view: EvidenceView): RenderedReply;
  /** Reminder and auto-close delays (ms); defaults: 24 h and 72 h. */
  timers?: Partial<TimerConfig>;
}
