/**
 * The real rules engine and renderer, as the reducer's default dependencies (tests inject their
 * own to table-test the conversation policy with controlled diagnoses).
 */
import { diagnose } from '../diagnosis/engine.ts';
import { renderDiagnosis } from '../reply/render.ts';
import type { ReducerDeps } from '../conversation/deps.ts';

export const defaultDeps: ReducerDeps = { diagnose, render: renderDiagnosis };
