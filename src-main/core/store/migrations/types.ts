export interface Migration {
  /** Schema version this migration produces (PRAGMA user_version after it runs). */
  version: number;
  name: string;
  /** SQL run inside the migration transaction. */
  up: string;
}
