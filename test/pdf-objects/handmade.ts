/**
 * PDFs written byte by byte, for the cases PDF libraries do not produce on request: inherited page
 * attributes, contents split over streams, an indirect /Length, comments, incremental updates.
 */
import { deflateSync } from 'node:zlib';

export type HandmadeObject = string | { dict: string; data: string | Uint8Array };

const bytes = (s: string | Uint8Array) => (typeof s === 'string' ? Buffer.from(s, 'latin1') : s);

function objectBytes(num: number, obj: HandmadeObject): Buffer {
  if (typeof obj === 'string') return Buffer.from(`${num} 0 obj\n${obj}\nendobj\n`, 'latin1');
  return Buffer.concat([
    Buffer.from(`${num} 0 obj\n${obj.dict}\nstream\n`, 'latin1'),
    bytes(obj.data),
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
}

/** Objects keyed by number, then a classic cross-reference table and trailer. */
function section(
  start: number,
  objects: Map<number, HandmadeObject>,
  trailer: string,
): { body: Buffer; xrefAt: number } {
  const parts: Buffer[] = [];
  const offsets = new Map<number, number>();
  let at = start;
  for (const [num, obj] of [...objects].sort((a, b) => a[0] - b[0])) {
    const b = objectBytes(num, obj);
    offsets.set(num, at);
    parts.push(b);
    at += b.length;
  }
  let xref = 'xref\n';
  // One subsection per object keeps the table valid however sparse the numbers are.
  xref += '0 1\n0000000000 65535 f\r\n';
  for (const [num, offset] of [...offsets].sort((a, b) => a[0] - b[0]))
    xref += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n\r\n`;
  xref += `trailer\n${trailer}\nstartxref\n${at}\n%%EOF\n`;
  parts.push(Buffer.from(xref, 'latin1'));
  return { body: Buffer.concat(parts), xrefAt: at };
}

/** A whole file: objects 1..n in order, `/Root 1 0 R`. */
export function handmadePdf(objects: HandmadeObject[]): { pdf: Buffer; xrefAt: number } {
  const header = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1');
  const map = new Map(objects.map((o, i) => [i + 1, o]));
  const { body, xrefAt } = section(
    header.length,
    map,
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
  );
  return { pdf: Buffer.concat([header, body]), xrefAt };
}

/** An incremental update appended to `base`: new versions of some objects, /Prev to the old table. */
export function appendUpdate(
  base: { pdf: Buffer; xrefAt: number },
  objects: Map<number, HandmadeObject>,
  size: number,
): Buffer {
  const { body } = section(
    base.pdf.length,
    objects,
    `<< /Size ${size} /Root 1 0 R /Prev ${base.xrefAt} >>`,
  );
  return Buffer.concat([base.pdf, body]);
}

export const flate = (s: string): Uint8Array => deflateSync(Buffer.from(s, 'latin1'));
