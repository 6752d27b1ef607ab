/**
 * A download link's URL for bytes the API sent (base64) or text made here, revoked when the data
 * changes or the screen goes: one place for the object-URL life cycle every export link needs.
 */
import { useEffect, useMemo } from 'react';
import { base64ToBytes } from '../api';

export type DownloadData = { base64: string } | { text: string };

export function useDownloadUrl(data: DownloadData | null, type: string): string | null {
  const url = useMemo(() => {
    if (!data) return null;
    const part = 'text' in data ? data.text : (base64ToBytes(data.base64).buffer as ArrayBuffer);
    return URL.createObjectURL(new Blob([part], { type }));
  }, [data, type]);
  useEffect(() => () => void (url && URL.revokeObjectURL(url)), [url]);
  return url;
}
