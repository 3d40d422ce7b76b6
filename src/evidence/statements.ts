/**
 * Plain statements that carry evidence ("i deleted some spaces to shorten it", "locally",
 * "it starts with sk-ant-api", "yes", "I purchased credits, and it still says that", "its working
 * now"). Conservative: a statement fact only where the words clearly say it, from short lines
 * (≤ 200 chars) that no structured parser claimed. English; other-language prose yields nothing
 * here (the pastes inside it are read by the other parsers). Answers are context-free: mapping
 * "yes" to the question asked is the conversation's job.
 */
import { keywordGate } from '../text/keyword-gate.ts';
import { spanOf, type Parser } from './context.ts';
import type { Fact, StatementTopic } from './facts.ts';

type Rule = [StatementTopic, RegExp, ((m: RegExpExecArray) => string | undefined)?];

const OS: Record<string, string> = { mac: 'macos', macos: 'macos', osx: 'macos', macbook: 'macos', ubuntu: 'linux', debian: 'linux', linux: 'linux', fedora: 'linux', arch: 'linux', windows: 'windows', wsl: 'wsl' };

function prefixValue(raw: string): string {
  return raw.replace(/[.…-]+$/, '');
}

const RULES: Rule[] = [
  ['edited_key', /\b(?:delet|remov|trimm?|cut)\w*\b[^.?!\n]{0,30}\b(?:spaces?|characters?|chars|newlines?|line ?breaks?|whitespace)\b|\bshorten(?:ed)? it\b|\bto shorten\b|\bretyped (?:it|the key)\b|\b(?:shortened|trimmed|edited|modified|retyped|truncated) (?:the |my |that |this )?(?:api[ -]?)?key\b|\btyped (?:the |my )?(?:api[ -]?)?key (?:in )?(?:by hand|manually)\b/i],
  ['gateway_local', /^(?:it'?s |its |it is |i'?m |im |running |runs |gateway (?:is |runs )?)?(?:running )?(?:locally|local)[.!]*$|\brunning (?:it )?locally\b|\bsame (?:machine|computer|box)\b|\bon (?:this|my) (?:machine|computer|laptop|mac)\b/i],
  ['gateway_remote', /\b(?:on|in) (?:a|my|the) (?:vps|remote (?:server|machine|host)|cloud server|droplet|ec2 instance)\b|^(?:it'?s |its |on )?(?:a )?(?:vps|remote)\b/i],
  ['key_prefix', /\b(?:starts?|starting|begins?|beginning) with:? [`"']?(sk-[a-z0-9]{1,6}(?:-[a-z0-9]{1,8})?-?)/i, (m) => prefixValue(m[1] as string)],
  ['key_prefix', /\bcontains? (?:the )?[`"']?(api|oat)[`"']?\b/i, (m) => `sk-ant-${(m[1] as string).toLowerCase()}`],
  ['answer_yes', /^(?:yes|yeah|yep|yup|yea|correct|affirmative)\b/i],
  ['answer_no', /^(?:no|nope|nah)(?:[.!,]|$|\s+(?:it|i|its|it's|not|the|they|that|this)\b)/i],
  ['answer_first', /^(?:i have |i got |it'?s |its |)(?:the )?first(?: one| option)?[.!]*$/i],
  ['answer_second', /^(?:i have |i got |it'?s |its |)(?:the )?second(?: one| option)?[.!]*$/i],
  ['bought_credits', /\b(?:purchased|bought|added|paid for|topped up)\b[^.?!\n]{0,20}\bcredits?\b|\btopped up\b/i],
  ['still_failing', /\bstill (?:says|get(?:ting)?|shows?|the same|fails?|failing|giving|broken|same)\b|\bsame error\b|\bkeeps? (?:giving|showing|saying)\b/i],
  ['works_now', /\b(?:it'?s|its|it is|everything(?:'?s| is))\s+working(?: now)?\b|\bworks now\b|\bworking now\b|\bthat (?:fixed it|worked)\b|\bit worked\b/i],
  ['didnt_work', /\b(?:didn'?t|did not|doesn'?t|does not) work\b|\bthat didn'?t (?:help|fix)\b/i],
  ['reonboarded', /\b(?:ran|re-?ran|redid|did) (?:the )?onboard(?:ing)?\b|\bre-?onboarded\b|\bonboard(?:ing|ed)? again\b|\bafter running what you said\b|\b(?:typed|entered|pasted|typing in|entering) (?:in )?(?:the|my|a) (?:new )?(?:api )?key\b|\btried to (?:input|enter|paste|put in) (?:a |the |my )?new (?:api|key)\b/i],
  ['restarted', /\b(?:restarted|rebooted)\b/i],
  ['set_env_var', /\b(?:set|exported|added|put|have)\b[^.\n]{0,30}\b([A-Z][A-Z0-9_]{1,40}_(?:API_KEY|API_KEYS|OAUTH_TOKEN|TOKEN|KEY))\b/, (m) => m[1]],
  ['subscription', /\bi (?:only )?(?:have|use|got|am on|'m on|pay for|'ve got|bought) (?:a |the |an |my )?(?:claude )?(?:pro|max|subscription)\b|\b(?:claude )?(?:pro|max) (?:plan|subscription)\b/i],
  ['console_key', /\b(?:from|in|on) the (?:anthropic )?console\b|\bconsole (?:api )?key\b/i],
  ['new_agent', /\b(?:added|created|made) (?:a )?(?:new |second |another )?agent\b/i],
  ['cron_job', /\bcron(?: ?jobs?)?\b/i],
  ['dm_not_working', /\bdms?\b[^.\n]{0,30}\b(?:not working|don'?t work|doesn'?t work|not respond\w*|no (?:reply|response|answer))\b|\b(?:doesn'?t|does not|don'?t|won'?t|never|not) (?:reply|respond|answer)\w*\b[^.\n]{0,20}\b(?:in |to |my )?(?:discord )?dms?\b/i],
  ['guild_not_working', /\b(?:server|guild|channels?)\b[^.\n]{0,30}\b(?:not (?:working|responding|replying)|doesn'?t (?:reply|respond|answer)|no (?:reply|response))\b/i],
  ['chat_works', /\b(?:chat|tui|chatting) (?:works|is working|is fine)\b|\bcan chat\b|\b(?:answers|responds|replies) (?:fine|ok|normally|correctly)\b|\bworks (?:fine )?in (?:the )?chat\b/i],
  ['thanks', /\b(?:thanks|thank you|thx|ty)\b/i],
  ['os', /\b(?:i'?m|im|i am)? ?(?:on|using|running) (mac|macos|osx|macbook|ubuntu|debian|linux|fedora|arch|windows|wsl)\b/i, (m) => OS[(m[1] as string).toLowerCase()]],
  ['pinned_order', /\bi (?:pinned|set the (?:auth )?order)\b/i],
  ['asks_rekey', /\b(?:put|enter|add|paste|set|type|re-?enter|change|replace|update)\b[^.?!\n]{0,25}\bkey\b[^\n]{0,40}(?:\?|what do i (?:run|type|do))|\bhow (?:do|can|should) i (?:re-?enter|change|replace|update|put|set|add)\b[^?\n]{0,40}\bkey\b/i],
  ['asks_switch_auth', /\b(?:switch|change|move|go)\b[^\n]{0,30}\b(?:to|from)\b[^\n]{0,20}\b(?:subscription|api key|setup-?token|claude (?:pro|max)|oauth)\b/i],
  ['asks_key_location', /\bwhere\b[^\n]{0,30}\b(?:key|token|credentials?)\b[^\n]{0,25}\b(?:stored|saved|kept|live|go(?:es)?)\b|\bwhere\b[^\n]{0,30}\b(?:store|save|keep|put)s?\b[^\n]{0,25}\b(?:key|token|credentials?)\b/i],
  ['asks_request_id', /\brequest[ _-]?id\b[^\n]{0,40}\?|\b(?:type|need|send|paste|use|give)\b[^\n]{0,25}\brequest[ _-]?id\b/i],
  ['asks_restart', /\b(?:do i|should i|need to|have to|how (?:do|can) i)\b[^\n]{0,25}\brestart\b/i],
  ['asks_version', /\b(?:which|what) version\b[^\n]{0,30}(?:\?|\bi(?:'m| am)? on\b|\bdo i have\b)|\bhow (?:do|can) i (?:check|see|find) (?:the |my )?version\b/i],
  ['asks_remove_profile', /\b(?:remove|delete|get rid of|clear)\b[^\n]{0,30}\b(?:old |stale )?(?:auth )?profiles?\b/i],
  ['asks_other_setup', /\bhelp (?:configuring|setting (?:it )?up|connecting)\b|\bhow (?:do|can) i (?:set ?up|configure|connect)\b/i],
  ['asks_what_next', /\bwhat(?:'?s| is)? next\b|\bwhat (?:do|should) i (?:need to )?(?:do|run|try) (?:next|now)\b|\bnow what\b/i],
];

/** One scan of a line for the literals each rule cannot match without: only the rules whose literals are there run. */
export const STATEMENT_GATE = keywordGate(RULES.map(([, re]) => re));

/** What a user says they did, read also on a line that quotes OpenClaw output ("I bought credits but still get: …"). */
const SAID_AROUND_OUTPUT = new Set<StatementTopic>(['edited_key', 'bought_credits', 'reonboarded', 'restarted', 'set_env_var']);
const FIRST_PERSON = /\b(?:i|i'?ve|we|we'?ve)\b/i;

/**
 * Reads statements from the lines no other parser claimed (`claimed` = source line numbers), and
 * the first-person SAID_AROUND_OUTPUT topics from claimed lines too.
 */
export function parseStatements(claimed: ReadonlySet<number>): Parser {
  return (lines, ctx) => {
    const facts: Fact[] = [];
    const seen = new Set<string>();
    // A line read before adds nothing: every topic it states is already in `seen`.
    const read = new Set<string>();
    for (const line of lines) {
      const t = line.text.trim();
      if (t === '' || t.length > 200 || line.local || read.has(t)) continue;
      // A line a parser claimed (an error quoted in a sentence) still says what the user did, in the first person.
      const onOutput = claimed.has(line.start);
      if (onOutput && !FIRST_PERSON.test(t)) continue;
      const may = STATEMENT_GATE.scan(t);
      if (!may.includes(1)) continue;
      read.add(t);
      for (const [i, [topic, re, valueOf]] of RULES.entries()) {
        if (!may[i] || (onOutput && !SAID_AROUND_OUTPUT.has(topic))) continue;
        const m = re.exec(t);
        if (!m) continue;
        if (topic === 'didnt_work' && /\bdms?\b|\bguild\b|\bserver\b/i.test(t)) continue;
        if (topic === 'works_now' && /\bnot working\b/i.test(t)) continue;
        const value = valueOf ? valueOf(m) : undefined;
        const key = `${topic}:${value ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const fact: Fact = { kind: 'statement', source: spanOf(ctx, line), confidence: 0.9, topic, quote: t.length > 120 ? `${t.slice(0, 119)}…` : t };
        if (value !== undefined) fact.value = value;
        facts.push(fact);
      }
    }
    return facts;
  };
}
