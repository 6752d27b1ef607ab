/**
 * Where a desktop shell keeps the database passphrase between runs. The core only needs this
 * interface; the Electron shell implements it with `safeStorage` (OS keychain-backed encryption:
 * Keychain on macOS, DPAPI on Windows, libsecret/kwallet on Linux), storing the encrypted
 * passphrase in a file under app.getPath('userData'). See docs/security.md for the sketch.
 * The CLI does not use a KeyStore: it reads the passphrase from --passphrase-env VAR.
 */
export interface KeyStore {
  /** The stored passphrase, or null when none has been set (first run, or after a reset). */
  get(): Promise<string | null>;
  /** Stores (replaces) the passphrase. */
  set(k: string): Promise<void>;
}

/** A KeyStore held in memory only: for tests and for a session that must not persist the key. */
export function memoryKeyStore(initial: string | null = null): KeyStore {
  let key = initial;
  return {
    get: async () => key,
    set: async (k: string) => {
      key = k;
    },
  };
}

/**
 * The passphrase for a new or existing database: the stored one, or a fresh random one (32 bytes,
 * base64) that is stored before it is used, so a database is never keyed with a lost secret.
 */
export async function passphraseFor(store: KeyStore, random: () => string): Promise<string> {
  const existing = await store.get();
  if (existing) return existing;
  const fresh = random();
  await store.set(fresh);
  return fresh;
}
