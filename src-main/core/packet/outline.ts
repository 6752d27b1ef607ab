/**
 * PDF bookmarks and page labels through pdf-lib's low-level objects: pdf-lib has no outline API
 * (its PR #486 was never merged; issue #786 shows this approach). Structure per PDF 32000 §12.3.3
 * (outlines) and §12.4.2 (/PageLabels number tree with a flat /Nums array).
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFNull,
  PDFRef,
} from 'pdf-lib';
import type { LabelRange } from './stamp';

export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  pageIndex: number;
}

/** Bookmarks to the pages `pageRefs` lists, in page order. */
export function addOutline(doc: PDFDocument, entries: OutlineEntry[], pageRefs: PDFRef[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const pageRef = pageRefs[entry.pageIndex];
    if (!pageRef) throw new Error(`Bookmark "${entry.title}" points past the last page`);
    const dest = PDFArray.withContext(context);
    dest.push(pageRef);
    dest.push(PDFName.of('XYZ'));
    dest.push(PDFNull);
    dest.push(PDFNull);
    dest.push(PDFNull);
    const item = PDFDict.withContext(context);
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), rootRef);
    item.set(PDFName.of('Dest'), dest);
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    context.assign(refs[i] as PDFRef, item);
  });
  const root = PDFDict.withContext(context);
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  root.set(PDFName.of('Count'), PDFNumber.of(entries.length));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  // Open the bookmarks panel so a reviewer sees the exhibit list at once.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Decimal page labels (/S /D) after a prefix, one entry of a flat /Nums array per range. */
export function setPageLabels(doc: PDFDocument, ranges: LabelRange[]): void {
  const context = doc.context;
  const nums = PDFArray.withContext(context);
  for (const range of ranges) {
    const dict = PDFDict.withContext(context);
    dict.set(PDFName.of('S'), PDFName.of('D'));
    dict.set(PDFName.of('P'), PDFHexString.fromText(range.prefix));
    dict.set(PDFName.of('St'), PDFNumber.of(range.first));
    nums.push(PDFNumber.of(range.first - 1));
    nums.push(dict);
  }
  const tree = PDFDict.withContext(context);
  tree.set(PDFName.of('Nums'), nums);
  doc.catalog.set(PDFName.of('PageLabels'), context.register(tree));
}
