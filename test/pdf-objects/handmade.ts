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

/**
 * Two pages with MediaBox, Resources and /Rotate 90 inherited from the page tree; the first page's
 * contents split over two streams (one Flate), the second's own box, no rotation, inline
 * resources and an indirect /Length, which `wrongLength` makes wrong (readers must then find
 * `endstream`). A font carries a string that looks like a reference.
 */
export function inheritedDocument(opts: { wrongLength?: boolean } = {}): {
  pdf: Buffer;
  xrefAt: number;
} {
  const one = 'BT /F1 12 Tf 20 300 Td (Part \\(one\\)) Tj ET';
  const two = flate('BT /F1 12 Tf 20 280 Td (Part two) Tj ET');
  const second = 'BT /F1 10 Tf 10 50 Td (Second page) Tj ET';
  return handmadePdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 300 400] /Resources 5 0 R /Rotate 90 >>',
    '<< /Type /Page /Parent 2 0 R /Contents [6 0 R 7 0 R] >>',
    '% a comment where a value may stand\n<< /Type /Page /Parent 2 0 R /MediaBox [10 20 210 120] /Rotate 0\n /Resources << /Font << /F1 8 0 R >> >> /Contents 9 0 R >>',
    '<< /Font << /F1 8 0 R >> >>',
    { dict: `<< /Length ${one.length} >>`, data: one },
    { dict: `<< /Length ${two.length} /Filter /FlateDecode >>`, data: two },
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding /Note (not 3 0 R) >>',
    { dict: '<< /Length 10 0 R >>', data: second },
    String(opts.wrongLength ? second.length - 7 : second.length),
  ]);
}
