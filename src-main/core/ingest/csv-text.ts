/**
 * Turns a stream of byte or string chunks into text chunks with `\n` line ends. csv-parse counts
 * lines inconsistently on mixed CR/CRLF input, and line numbers must match what the user sees.
 */

export async function* decodeToLfText(
  input: AsyncIterable<Uint8Array | string>,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder('utf-8'); // drops a leading UTF-8 BOM
  let first = true;
  let pendingCr = false;
  for await (const chunk of input) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (first && text !== '') {
      text = text.replace(/^\uFEFF/, '');
      first = false;
    }
    if (pendingCr) text = '\r' + text;
    // A chunk may end between the CR and LF of one line end: hold the CR for the next chunk.
    pendingCr = text.endsWith('\r');
    if (pendingCr) text = text.slice(0, -1);
    if (text !== '') yield text.replace(/\r\n?/g, '\n');
  }
  const rest = decoder.decode();
  const tail = (pendingCr ? '\r' : '') + rest;
  if (tail !== '') yield tail.replace(/\r\n?/g, '\n');
}
