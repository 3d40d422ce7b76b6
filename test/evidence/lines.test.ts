import { describe, expect, it } from 'vitest';
import { prepareLines } from '../../src/evidence/lines.ts';

const texts = (text: string): string[] => prepareLines(text).lines.map((l) => l.text);

describe('line preparation', () => {
  it('removes [local] prefixes, fences with or without a language, and quote markers', () => {
    expect(texts('```bash\n[local] Agent: main\n> Provider: anthropic\n```')).toEqual(['', 'Agent: main', 'Provider: anthropic', '']);
  });

  it('takes the prompt off a command line and reports the command with where it ran', () => {
    const p = prepareLines('goofball@Goofs-Mac-mini ~ % openclaw models status\n[local] $ openclaw --version\n!openclaw models status\nbash-3.2$\nPS C:\\Users\\me> openclaw doctor');
    expect(p.commands.map((c) => [c.command, c.via])).toEqual([
      ['openclaw models status', 'shell'],
      ['openclaw --version', 'tui_local_shell'],
      ['openclaw models status', 'tui_local_shell'],
      ['openclaw doctor', 'shell'],
    ]);
    expect(p.lines.map((l) => l.prompt)).toEqual(['goofball@Goofs-Mac-mini ~ %', '$', '!', 'bash-3.2$', 'PS C:\\Users\\me>']);
  });

  it('re-joins the seed-001 provider line the TUI wrapped after `(oauth=0,`, keeping both source lines', () => {
    const p = prepareLines('[local] - anthropic effective=profiles:x | profiles=1 (oauth=0,\ntoken=0, api_key=1) | anthropic:default=API sk-a..._HeoVAAA\n[local]');
    expect(p.lines[0]).toMatchObject({ text: '- anthropic effective=profiles:x | profiles=1 (oauth=0, token=0, api_key=1) | anthropic:default=API sk-a..._HeoVAAA', start: 0, end: 1 });
  });

  it('does not join separate TUI input lines, JSON lines or list items', () => {
    expect(texts('[local] $ openclaw --version\n!openclaw models status\n!openclaw models auth order get --provider anthropic')).toEqual(['', '', '']);
    expect(texts('    "type": "token",                               \n    "token": "sk-ant-..."')).toHaveLength(2);
    expect(texts('This line is long enough to look like a wrapped line,\n- but the next is a list item')).toHaveLength(2);
  });
});
