import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/diagnosis/engine.ts';
import type { Diagnosis } from '../../src/diagnosis/types.ts';
import { code, codeBlock, escapeText, neutralize } from '../../src/reply/markdown.ts';
import { NOT_AUTH_NOTE, renderDiagnosis, withoutSecretLine } from '../../src/reply/render.ts';
import { error, footer, line, masked, profile, said, status, viewOf, x401 } from '../diagnosis/facts.ts';

const FULL_KEY = 'sk-ant-api03-' + 'FAKEfake'.repeat(11) + '-0000';

describe('renderDiagnosis', () => {
  it('a diagnosis: title, quoted evidence, the command in a code block, what to paste back, docs, footer, buttons', () => {
    const view = viewOf([status([line('anthropic', [profile('anthropic:default', 'api_key', masked('sk-ant-a..._HeoVAAA')), profile('anthropic:manual', 'token', masked('sk-ant-a..._HeoVAAA'))])])]);
    const reply = renderDiagnosis(diagnose(view), view);
    expect(reply.kind).toBe('diagnosis');
    expect(reply.buttons).toEqual(['worked', 'didnt_work', 'dismiss']);
    expect(reply.markdown).toContain('```sh\nopenclaw models auth order set --provider anthropic anthropic:default\n```');
    expect(reply.markdown).toContain('`profiles=2 (oauth=0, token=1, api_key=1)');
    expect(reply.markdown).toMatch(/\*\*Then:\*\*.*paste/i);
    expect(reply.markdown).toContain('Docs: <https://docs.openclaw.ai/');
    expect(reply.markdown).toMatch(/\n-# api_key_in_token_profile · confidence 0\.90$/);
    expect(reply.nextCommand).toBe('openclaw models auth order set --provider anthropic anthropic:default');
    expect(reply.branch).toBe('api_key_in_token_profile');
  });

  it('an ask: the TUI form of the command, one per message, and a dismiss button only', () => {
    const view = viewOf([x401(), footer()]);
    const reply = renderDiagnosis(diagnose(view), view);
    expect(reply.kind).toBe('ask');
    expect(reply.askId).toBe('models_status');
    expect(reply.markdown).toContain('```sh\n!openclaw models status\n```');
    expect(reply.markdown).toMatch(/own message inside the TUI/);
    expect(reply.buttons).toEqual(['dismiss']);
    expect(reply.markdown).not.toMatch(/^\s*[-*] /m); // never a checklist of causes
  });

  it('a question ask has no command', () => {
    const view = viewOf([status([], { missingAuth: [{ provider: 'anthropic' }] })]);
    const reply = renderDiagnosis(diagnose(view), view);
    expect(reply.nextCommand).toBeNull();
    expect(reply.markdown).toContain('API key from the Anthropic Console, or with a Claude subscription');
    expect(reply.markdown).not.toContain('```');
  });

  it('not_auth is the one-line note', () => {
    const view = viewOf([said('thanks', 'thanks')]);
    const reply = renderDiagnosis(diagnose(view), view);
    expect(reply).toMatchObject({ kind: 'not_auth', markdown: NOT_AUTH_NOTE, buttons: [], branch: null, nextCommand: null });
  });

  it('pasted text can neither ping nor break the markdown', () => {
    const hostile = error('unknown', { httpStatus: 401, provider: 'openrouter', message: '@everyone <@&123456> [click](https://evil.example) ``` **x**' });
    const view = viewOf([hostile]);
    const reply = renderDiagnosis(diagnose(view), view);
    expect(reply.markdown).not.toMatch(/@everyone|<@&|\]\(/);
    expect(reply.markdown.match(/```/g)?.length ?? 0).toBe(2);
  });

  it('never holds a full credential, even when one reached a quoted fact', () => {
    const leaked = error('unknown', { httpStatus: 401, provider: 'openai', message: `bad key ${FULL_KEY}` });
    const view = viewOf([leaked, x401()]);
    const reply = renderDiagnosis(diagnose(view), view);
    expect(reply.markdown).not.toContain(FULL_KEY);
  });

  it('stays under 2000 characters whatever the evidence', () => {
    const long = 'x'.repeat(5000);
    const d: Diagnosis = diagnose(viewOf([said('edited_key', long), x401({ message: long })]));
    const view = viewOf([said('edited_key', long), x401({ message: long })]);
    expect(renderDiagnosis(d, view).markdown.length).toBeLessThanOrEqual(2000);
  });

  it('warns about a pasted secret alongside the branch', () => {
    const secret = { kind: 'secret', source: { messageId: 'm0', lineStart: 0, lineEnd: 0 }, confidence: 1, credentialType: 'anthropic_api_key', masked: 'sk-ant-api03-…AbCd' } as const;
    const view = viewOf([secret, x401(), footer()]);
    const reply = renderDiagnosis(diagnose(view), view);
    expect(reply.markdown.split('\n')[0]).toMatch(/full credential.*revoke/);
    expect(reply.askId).toBe('models_status');
  });
});

describe('markdown helpers', () => {
  it('neutralise mentions and masked links', () => {
    expect(neutralize('@here <@1> <#2> [a](b)')).not.toMatch(/@here|<@1|<#2|\]\(/);
  });
  it('inline code replaces backticks and keeps one line', () => {
    expect(code('a`b\nc')).toBe('`aˋb c`');
  });
  it('escape markdown specials in plain text', () => {
    expect(escapeText('*bold* _x_')).toBe('\\*bold\\* \\_x\\_');
  });
  it('a code block cannot be closed early', () => {
    expect(codeBlock('a```b')).toBe('```sh\naˋˋˋb\n```');
  });
});

describe('withoutSecretLine (Discord warns in a note of its own)', () => {
  const reply = (markdown: string) => ({ kind: 'ask' as const, markdown, buttons: [], branch: null, nextCommand: null, askId: 'models_status' });
  const warning = '⚠️ Your message held a full credential (`sk-ant-api03-…Xy9W`): revoke it now in the provider console and make a new one.';

  it('drops the warning line and keeps the rest of the answer', () => {
    expect(withoutSecretLine(reply(`${warning}\nRun \`openclaw models status\`.`))?.markdown).toBe('Run `openclaw models status`.');
  });

  it('drops a reply that was only the warning, and leaves other replies as they are', () => {
    expect(withoutSecretLine(reply(warning))).toBeNull();
    const plain = reply('Run `openclaw models status`.');
    expect(withoutSecretLine(plain)).toBe(plain);
  });
});

describe('an ask when no cause is named yet', () => {
  it('a bare chat failure asks for the status without "To tell which" or an empty candidate list', async () => {
    const { diagnoseOnce } = await import('../../src/pipeline/pipeline.ts');
    // Real ≥6.x chat copy (openclaw-cli.md §10.8): it names no cause.
    const r = diagnoseOnce('⚠️ Something went wrong while processing your request. Please try again, or use /new to start a fresh session.');
    expect(r.outcome.status).toBe('needs_evidence');
    const md = r.outcome.reply!.markdown;
    expect(md).toContain('openclaw models status');
    expect(md).not.toContain('To tell which');
    expect(md).not.toMatch(/possible: *$/m);
  });
});
