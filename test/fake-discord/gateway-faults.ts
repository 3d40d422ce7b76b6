/**
 * Armed one-shot gateway faults: missed heartbeat ACKs, rejected WS upgrades (503), and
 * duplicate delivery of the next dispatch. Close codes, op 7 and op 9 are immediate and live on
 * FakeGateway (`closeAll`, `reconnect`, `invalidateSessions`).
 */
export class GatewayFaults {
  private missedAcks = 0;
  private rejectedUpgrades = 0;
  private duplicates = 0;

  /** Do not ACK the next `n` heartbeats: the client takes the connection for a zombie and resumes. */
  missAcks(n = 1): void {
    this.missedAcks += n;
  }

  /** Reject the next `n` WebSocket upgrades with HTTP 503. */
  rejectUpgrades(n = 1): void {
    this.rejectedUpgrades += n;
  }

  /** Deliver the next `n` dispatches twice each (new sequence numbers, same payload). */
  duplicateNext(n = 1): void {
    this.duplicates += n;
  }

  takeMissedAck(): boolean {
    return this.take('missedAcks');
  }

  takeRejectedUpgrade(): boolean {
    return this.take('rejectedUpgrades');
  }

  takeDuplicate(): boolean {
    return this.take('duplicates');
  }

  private take(k: 'missedAcks' | 'rejectedUpgrades' | 'duplicates'): boolean {
    if (this[k] <= 0) return false;
    this[k]--;
    return true;
  }
}
