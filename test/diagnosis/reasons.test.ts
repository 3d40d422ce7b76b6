import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnosis/engine.ts';
import { msg, plainText, q, text } from '../../src/diagnosis/reason.ts';
import { renderMessage } from '../../src/reply/reason.ts';
import { error, viewOf } from './facts.ts';

describe('reasons are data: a message id plus the values it quotes', () => {
  it('keeps pasted values out of the id, so one reason has one id whatever was pasted', () => {
    const a = msg`${q('HTTP 401 authentication_error: invalid x-api-key')}: the key was rejected by ${'anthropic'}.`;
    const b = msg`${q('HTTP 401 authentication_error: revoked')}: the key was rejected by ${'openai'}.`;
    expect(a.id).toBe('`{0}`: the key was rejected by {1}.');
    expect(b.id).toBe(a.id);
    expect(a.quotes).toEqual(['HTTP 401 authentication_error: invalid x-api-key', 'anthropic']);
  });

  it('inlines a nested message and renumbers its values', () => {
    const inner = msg` (the value you had in ${q('ANTHROPIC_KEY')})`;
    const m = msg`Type ${q('openclaw onboard')}${inner}, never in Discord.`;
    expect(m.id).toBe('Type `{0}` (the value you had in `{1}`), never in Discord.');
    expect(plainText(m)).toBe('Type `openclaw onboard` (the value you had in `ANTHROPIC_KEY`), never in Discord.');
  });

  it('renders quotes as safe inline code in reply/, never formatting in diagnosis/', () => {
    const m = msg`${q('@everyone `pwn` <@123>')} then ${'@here'}`;
    const out = renderMessage(m);
    expect(out).not.toMatch(/@everyone|@here|<@123/);
    expect(out.startsWith('`')).toBe(true);
    expect(out).not.toContain('`pwn`');
    // A value holding a placeholder is not filled a second time.
    expect(renderMessage(msg`${q('{1}')} and ${'x'}`)).toBe('`{1}` and x');
    expect(renderMessage(text('Nothing to fix.'))).toBe('Nothing to fix.');
  });

  it('a quote dropped into a plain template literal fails instead of printing [object Object]', () => {
    expect(() => `${q('x') as unknown as string}`).toThrow(/msg/);
  });

  it("a rule's reason quotes the error the user pasted, by value", () => {
    const line = 'HTTP 400 invalid_request_error: Your credit balance is too low to access the Anthropic API.';
    const d = diagnose(viewOf([error('credit_balance_low', { message: line })]));
    expect(d.branch).toBe('credit_balance_low');
    const reason = d.candidates[0]!.because[0]!.reason;
    expect(reason.id).toMatch(/`\{0\}`/);
    expect(reason.quotes.join(' ')).toContain('credit balance is too low');
    expect(reason.id).not.toContain('credit balance is too low');
  });

  it('nothing in evidence/ or diagnosis/ imports reply/', () => {
    const offenders: string[] = [];
    for (const dir of ['src/evidence', 'src/diagnosis', 'src/ingest']) {
      for (const f of readdirSync(dir, { recursive: true }) as string[]) {
        if (!f.endsWith('.ts')) continue;
        if (/from '(\.\.\/)+reply\//.test(readFileSync(join(dir, f), 'utf8'))) offenders.push(join(dir, f));
      }
    }
    expect(offenders).toEqual([]);
  });
});
