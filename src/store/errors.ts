/**
 * Errors about the database file that the operator fixes (another bot on it, a corrupt file):
 * `pincer` prints the message as one line and exits non-zero, like a configuration error.
 */
import { ConfigError } from '../config/env.ts';

export class StoreError extends ConfigError {
  override name = 'StoreError';
}
