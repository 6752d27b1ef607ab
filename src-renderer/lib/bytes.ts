/** A file size as people read it: KB below a megabyte (at least 1), else MB with one decimal. */
export const formatBytes = (n: number): string =>
  n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`;
