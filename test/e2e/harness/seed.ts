/** Seed 001 (the real help thread, test/fixtures/threads/seed-001.json) and its terminal replay. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SEED_FILE = `${ROOT}test/fixtures/threads/seed-001.json`;

export interface SeedMessage {
  role: 'user' | 'helper';
  text: string;
}

export const seed001: SeedMessage[] = JSON.parse(readFileSync(SEED_FILE, 'utf8')).messages;

export const seedText = (i: number): string => seed001[i]!.text;

/** One line of `pincer replay --json`. */
export interface ReplayLine {
  index: number;
  status: string;
  branch: string | null;
  next_command: string | null;
  reply: string | null;
  state: string;
}

/** Runs the terminal replay exactly as a user would: `node bin/pincer.mjs replay --json <seed>`. */
export function terminalReplay(): ReplayLine[] {
  const out = execFileSync(process.execPath, [`${ROOT}bin/pincer.mjs`, 'replay', '--json', SEED_FILE], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ReplayLine);
}
