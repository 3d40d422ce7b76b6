/** Small builders for rule verdicts, so rules read as the catalog does. */
import type { Because, Verdict } from './types.ts';

/** Confirmed, with how specific the signal is (3 exact string, 2 parsed output, 1 statement). */
export function confirmed(specificity: 1 | 2 | 3, ...because: Because[]): Verdict {
  return { status: 'confirmed', specificity, because };
}

export function possible(...because: Because[]): Verdict {
  return { status: 'possible', because };
}

export function ruledOut(...because: Because[]): Verdict {
  return { status: 'ruled_out', because };
}
