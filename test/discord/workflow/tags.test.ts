import { describe, expect, it } from 'vitest';
import { MAX_TAGS, tagsForStatus } from '../../../src/discord/workflow/tags.ts';

const names = { needsInfo: 'needs-info', botAnswered: 'bot-answered', needsHuman: 'needs-human', solved: 'solved' };
const available = ['needs-info', 'bot-answered', 'needs-human', 'solved', 'windows', 'macos', 'linux', 'docker', 'gateway'].map((name, i) => ({ id: `t${i}`, name }));
const id = (name: string) => available.find((t) => t.name === name)!.id;

describe('forum tags mirror the thread state', () => {
  it('swaps only Pincer’s status tag and keeps the tags people applied', () => {
    const applied = [id('windows'), id('needs-info')];
    expect(tagsForStatus(applied, available, names, 'bot_answered')).toEqual([id('windows'), id('bot-answered')]);
    expect(tagsForStatus(applied, available, names, 'solved')).toEqual([id('windows'), id('solved')]);
  });

  it('a closed thread keeps the solved tag; a new one carries none of Pincer’s', () => {
    expect(tagsForStatus([id('solved')], available, names, 'closed')).toEqual([id('solved')]);
    expect(tagsForStatus([id('needs-info'), id('macos')], available, names, 'new')).toEqual([id('macos')]);
  });

  it('never exceeds five tags, leaving its own out rather than dropping a person’s', () => {
    const five = ['windows', 'macos', 'linux', 'docker', 'gateway'].map(id);
    const out = tagsForStatus(five, available, names, 'needs_human');
    expect(out).toEqual(five);
    expect(out.length).toBeLessThanOrEqual(MAX_TAGS);
    const four = five.slice(0, 4);
    expect(tagsForStatus([...four, id('needs-info')], available, names, 'needs_human')).toEqual([...four, id('needs-human')]);
  });

  it('uses the configured names, case-insensitively, and skips a tag the forum does not have', () => {
    const custom = { ...names, solved: 'Answered' };
    const forum = [...available, { id: 'tA', name: 'answered' }];
    expect(tagsForStatus([], forum, custom, 'solved')).toEqual(['tA']);
    expect(tagsForStatus([id('windows')], available, custom, 'solved')).toEqual([id('windows')]);
  });
});
