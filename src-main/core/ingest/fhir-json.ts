/**
 * JSON.parse with the guards a file from outside needs: a size cap, a nesting cap (checked by a
 * linear scan first, so a pathological file cannot exhaust the stack) and syntax errors reported
 * with line and column instead of a raw character offset.
 */
import { reject } from './errors';
import { locateJsonError } from './fhir-json-locate';

export const MAX_FHIR_BYTES = 64 * 1024 * 1024;
export const MAX_FHIR_DEPTH = 100;

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < position && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: position - lineStart + 1 };
}

function checkDepth(text: string): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_FHIR_DEPTH) {
        const { line, column } = lineAndColumn(text, i);
        reject(
          `line ${line}, column ${column}: JSON is nested more than ${MAX_FHIR_DEPTH} levels deep`,
          {
            line,
            code: 'unsafe',
          },
        );
      }
    } else if (c === 125 || c === 93) depth--;
  }
}

export function parseJsonSafely(bytes: Uint8Array): unknown {
  if (bytes.byteLength > MAX_FHIR_BYTES) {
    reject(`the JSON file is ${bytes.byteLength} bytes; the limit is ${MAX_FHIR_BYTES} (64 MiB)`, {
      code: 'too-large',
    });
  }
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (text.trim() === '') reject('the JSON file is empty', { line: 1, code: 'empty' });
  checkDepth(text);
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = locateJsonError(text);
    const { line, column } = lineAndColumn(text, position);
    // V8 quotes a snippet of the file in some messages: keep only the reason, not patient data.
    const why = message.split(/,\s*(?:\.\.\.)?"|\s+in JSON at position|\s*\(line \d+/)[0]!.trim();
    reject(`line ${line}, column ${column}: invalid JSON: ${why}`, { line, code: 'invalid' });
  }
}
