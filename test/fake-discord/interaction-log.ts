/**
 * The interactions the fake delivered and what the bot answered: callbacks (type 4 reply,
 * 5 defer, 6 deferred update, 7 update, 9 modal), the original response message, follow-ups.
 */
import type { APIInteraction, APIMessage } from 'discord-api-types/v10';

export interface ShownModal {
  custom_id: string;
  title: string;
  components: any[];
}

export interface InteractionRecord {
  payload: APIInteraction;
  callbacks: Array<{ type: number; data?: any }>;
  /** The response message (`@original`), ephemeral or not; null before a type 4 or an edit after 5. */
  original: APIMessage | null;
  followups: APIMessage[];
  modal: ShownModal | null;
}

export class InteractionLog {
  private readonly byToken = new Map<string, InteractionRecord>();
  private readonly byId = new Map<string, InteractionRecord>();

  add(payload: APIInteraction): InteractionRecord {
    const r: InteractionRecord = { payload, callbacks: [], original: null, followups: [], modal: null };
    this.byToken.set(payload.token, r);
    this.byId.set(payload.id, r);
    return r;
  }

  get(id: string, token?: string): InteractionRecord | undefined {
    const r = this.byId.get(id);
    return r && (token === undefined || r.payload.token === token) ? r : undefined;
  }

  byWebhookToken(token: string): InteractionRecord | undefined {
    return this.byToken.get(token);
  }
}
