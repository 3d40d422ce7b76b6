/**
 * Derived facts of the api-key family (registered in ./derived.ts): what a helper reads off
 * `models status` and the error lines before judging a key — which credential OpenClaw sends for
 * a provider, and whether Anthropic refused it. Pure readers over the view; items oldest first
 * (the matcher takes the newest that passes), so a list where the FIRST match counts (print
 * order) is returned reversed.
 */
import type { Credential, Fact } from '../evidence/facts.ts';
import { effectiveCredential, errorQuote, explicitOrder, foreignHead, lastSeq, maskHead, profileInUse, providerLine, statements, xApiKeyRejections } from './signals.ts';
import type { DerivedItem } from './derived.ts';
import type { EvidenceView } from './view.ts';
import { credentialLabel, credentialText, failureSeen, fixedProfile, profileLabel } from './branches/shared.ts';

type Reader = (view: EvidenceView) => DerivedItem[];

const item = (fields: Record<string, unknown>, ...facts: (Fact | undefined)[]): DerivedItem => ({
  fields,
  facts: facts.filter((f): f is Fact => f !== undefined),
});

/**
 * `x_api_key_rejection`: each error line where Anthropic refused what was sent as an API key
 * (`xApiKeyRejections`; `{quote}` is the line as pasted). Fields: `code`,
 * `statusShown` (a `models status` Anthropic line shows which credential was sent).
 */
const xApiKeyRejection: Reader = (view) => {
  const statusShown = providerLine(view, 'anthropic') !== undefined;
  return xApiKeyRejections(view).map((e) => item({ code: e.code, statusShown }, e));
};

/**
 * `rejected_credential`: what OpenClaw sends for anthropic (the newest `models status` line,
 * §3.3 order) when Anthropic refused an x-api-key; one item, about the newest refusal. Fields:
 * `refusal` (that refusal as pasted), `via` (`profile` | `env` | `models.json` | `none`: nothing resolves),
 * `type` (the profile's; `api_key` for an env or models.json key), `head` (the mask's head, a
 * `ref(env:…)` read through the `env=` bit; `ownHead`: the credential's own), `label` (`anthropic:default=sk-ant-a...Ab`), `pinned`
 * (the explicit order `a, b` when it was set after the refusal: then it rests on the order). It
 * rests on the refusal and the status line; `sent_credential` is the same item resting on the
 * status line alone (for a verdict about what is sent, not about the refusal).
 */
const rejectedCredential: Reader = (view) => sentFor(view, true);
const sentCredential: Reader = (view) => sentFor(view, false);

function sentFor(view: EvidenceView, citeRefusal: boolean): DerivedItem[] {
  const err = xApiKeyRejections(view).at(-1);
  const pl = providerLine(view, 'anthropic');
  if (!err || !pl) return [];
  const eff = effectiveCredential(view, pl.line);
  const refusal = errorQuote(err);
  const cite = (...facts: Fact[]) => item(fields, ...(citeRefusal ? facts : [pl.status]));
  let fields: Record<string, unknown> = { refusal, via: 'none' };
  if (!eff) return [cite(err, pl.status)];
  const own: Credential = eff.source === 'profile' ? eff.profile.credential : eff.credential;
  const cred = own.form === 'ref' && pl.line.env ? pl.line.env.credential : own;
  const order = explicitOrder(view, 'anthropic');
  const pinned = order?.order?.length && lastSeq(view, (f) => f === order.fact) > lastSeq(view, (f) => f === err) ? order.order.join(', ') : undefined;
  fields = { refusal, via: eff.source, type: eff.source === 'profile' ? eff.profile.type : 'api_key', head: maskHead(cred), ownHead: maskHead(own), label: credentialLabel(eff), pinned };
  return [pinned ? cite(order!.fact, pl.status) : cite(err, pl.status)];
}

/**
 * `status_credential`: each credential of the newest `models status`, in print order (a line's
 * profiles, then its `env=` key). Fields: `provider`; `label` as printed (`token:` before a token,
 * `env=<mask>`); `profileId`; `type` (the profile's, or `env`); `head` (the mask's); `env` (the
 * variable of an `env=` key, `ANTHROPIC_API_KEY` for anthropic when unnamed); `foreign` (the head
 * cannot start a key of the provider: `sk-or-v1` under anthropic); `envRef` / `envRefLabel` (a
 * `ref(env:<VAR>)` profile: `<VAR>`, `<id>=ref(env:<VAR>)`); `lineEnv` (the line has `env=`).
 */
const statusCredential: Reader = (view) => {
  const status = view.latest('models_status');
  if (!status) return [];
  const out: DerivedItem[] = [];
  const push = (provider: string, lineEnv: boolean, label: string, credential: Credential, type: string, extra: Record<string, unknown>) => {
    const head = maskHead(credential);
    const ref = credential.form === 'ref' && credential.source === 'env' ? credential.id : undefined;
    const envRef = ref ? { envRef: ref, envRefLabel: `${String(extra.profileId)}=ref(env:${ref})` } : {};
    out.push(item({ provider, label, type, head, foreign: head !== undefined && foreignHead(provider, head), lineEnv, ...envRef, ...extra }, status));
  };
  for (const line of status.providers) {
    const provider = line.provider.toLowerCase();
    for (const p of line.profiles) push(provider, !!line.env, profileLabel(p), p.credential, p.type, { profileId: p.profileId });
    if (line.env) {
      const env = line.env.variable ?? (provider === 'anthropic' ? 'ANTHROPIC_API_KEY' : undefined);
      push(provider, true, `env=${credentialText(line.env.credential)}`, line.env.credential, 'env', { env });
    }
  }
  return out.reverse();
};

/**
 * `auth_line`: the newest `models status` line of each provider (`providerLine`), with what
 * OpenClaw makes of it. Fields: `provider`; `profileCount`; `effective` (`profiles` | `env` | …);
 * `used` (the profile sent, §3.3); `fixed` (the profile the user just fixed: its mask changed, or `<p>:default` after
 * re-onboarding); `fixedUnused` (that profile, when another one is sent); `failing` (a failure is
 * still reported: a refusal, "still the same", a TUI error); `shadowing` (`<id>=<mask>`, when a
 * profile is sent while the line's `env=` key has another mask, §3.5) with `envLabel` (`env=<mask>`).
 */
const authLine: Reader = (view) => {
  const providers = new Set(view.all('models_status').flatMap((s) => s.providers.map((p) => p.provider.toLowerCase())));
  return [...providers].flatMap((provider) => {
    const pl = providerLine(view, provider);
    if (!pl) return [];
    const used = profileInUse(view, pl.line);
    const usedMask = used?.credential.form === 'masked' ? used.credential.mask : undefined;
    const env = pl.line.env?.credential;
    const envMask = env?.form === 'masked' ? env.mask : undefined;
    const fixed = fixedProfile(view, pl.line);
    const shadowing = pl.line.effective?.kind === 'profiles' && envMask && usedMask && usedMask !== envMask ? `${used!.profileId}=${usedMask}` : undefined;
    return [
      item(
        {
          provider,
          profileCount: pl.line.profiles.length,
          effective: pl.line.effective?.kind,
          used: used?.profileId,
          fixed,
          fixedUnused: fixed && used && fixed !== used.profileId ? fixed : undefined,
          failing: failureSeen(view),
          shadowing,
          envLabel: envMask ? `env=${envMask}` : undefined,
        },
        pl.status,
      ),
    ];
  });
};

/**
 * `line_profile`: each profile of each provider's newest `models status` line (`providerLine`),
 * in print order. Fields: `provider`, `profileId`, `type`, `head`, `mask`, `countedLabel` (as the
 * line prints it with its counts: `profiles=2 (oauth=0, token=1, api_key=1) · <id>=token:<mask>`),
 * `skippedBy` (the explicit order `a, b` when it leaves this profile out: then it rests on it).
 */
const lineProfile: Reader = (view) => {
  const providers = new Set(view.all('models_status').flatMap((s) => s.providers.map((p) => p.provider.toLowerCase())));
  return [...providers].flatMap((provider) => {
    const pl = providerLine(view, provider);
    if (!pl) return [];
    const order = explicitOrder(view, provider);
    const c = pl.line.counts;
    const countText = c ? `profiles=${c.total} (oauth=${c.oauth}, token=${c.token}, api_key=${c.apiKey}) · ` : '';
    return pl.line.profiles
      .map((p) => {
        const skippedBy = order?.order?.length && !order.order.includes(p.profileId) ? order.order.join(', ') : undefined;
        const mask = p.credential.form === 'masked' ? p.credential.mask : undefined;
        const fields = { provider, profileId: p.profileId, type: p.type, head: maskHead(p.credential), mask, countedLabel: `${countText}${profileLabel(p)}`, skippedBy };
        return skippedBy ? item(fields, order!.fact) : item(fields, pl.status);
      })
      .reverse();
  });
};

/**
 * `key_edit_said`: the user's newest "I edited / trimmed the key" (`edited_key`) while it still
 * stands: no re-onboarding said and no `models status` pasted after it (`{quote}`: their words).
 */
const keyEditSaid: Reader = (view) => {
  const said = statements(view, 'edited_key').at(-1);
  if (!said) return [];
  const redone = lastSeq(view, (f) => (f.kind === 'statement' && f.topic === 'reonboarded') || f.kind === 'models_status');
  return lastSeq(view, (f) => f === said) >= redone ? [item({}, said)] : [];
};

/**
 * `saved_login`: the newest "the login was saved under `<p>:<email>` rather than `<p>:default`"
 * (`login_saved_elsewhere`) that names the profile. Fields: `profileId`, `provider` (its prefix).
 */
const savedLogin: Reader = (view) => {
  const said = statements(view, 'login_saved_elsewhere').at(-1);
  return said?.value ? [item({ profileId: said.value, provider: said.value.split(':')[0] }, said)] : [];
};

/**
 * `subscription_credential`: the thread shows the Anthropic credential is a subscription one
 * (setup-token or OAuth), sent as Bearer: a token profile on the newest anthropic `models status`
 * line whose mask is not an API key's (`sk-ant-a…`), the user saying they use a subscription, a
 * `/status` card with token or OAuth auth, or (no such card) a pasted auth-profiles.json holding an
 * `sk-ant-oat…` token. One item at most. Fields: `profileId` (that token profile's, else the
 * card's; absent when neither names one). Rests on the statement, else the card, else the file
 * (the status line is not cited: the reason names its profile).
 */
const subscriptionCredential: Reader = (view) => {
  const token = providerLine(view, 'anthropic')?.line.profiles.find((p) => p.type === 'token' && !maskHead(p.credential)?.startsWith('sk-ant-a'));
  const said = statements(view, 'subscription').at(-1);
  const card = view.all('status_card').filter((c) => c.authMode === 'token' || c.authMode === 'oauth').at(-1);
  const file = card ? undefined : view.all('auth_profiles_json').find((j) => j.profiles.some((p) => p.type === 'token' && p.valueHead?.startsWith('sk-ant-oat')));
  if (!token && !said && !card && !file) return [];
  return [item({ profileId: token?.profileId ?? card?.profileId }, said ?? card ?? file)];
};

/** The api-key family's derived fact kinds, by name (spread into ./derived.ts `DERIVED`). */
export const CREDENTIAL_READERS: Record<string, Reader> = {
  x_api_key_rejection: xApiKeyRejection,
  rejected_credential: rejectedCredential,
  sent_credential: sentCredential,
  status_credential: statusCredential,
  auth_line: authLine,
  line_profile: lineProfile,
  key_edit_said: keyEditSaid,
  saved_login: savedLogin,
  subscription_credential: subscriptionCredential,
};
