/**
 * The real rules engine and renderer, as the reducer's default dependencies.
 */
import type { ReducerDeps } from './deps.ts';

export const defaultDeps: ReducerDeps = {
  diagnose() {
    throw new Error('diagnose() is not wired yet: src/diagnosis/engine.ts has not landed');
  },
  render() {
    throw new Error('renderDiagnosis() is not wired yet: src/reply/render.ts has not landed');
  },
};
