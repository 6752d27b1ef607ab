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

export interface OutlineEntry {
  title: string;
  /** 0-based page index. */
  pageIndex: number;
}

export function addOutline(doc: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  const pages = doc.getPages();
  entries.forEach((entry, i) => {
    const page = pages[entry.pageIndex];
    if (!page) throw new Error(`Bookmark "${entry.title}" points past the last page`);
    const dest = PDFArray.withContext(context);
    dest.push(page.ref);
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

/** One label per page (the Bates numbers), as a flat /Nums array of prefix-only label dicts. */
export function setPageLabels(doc: PDFDocument, labels: string[]): void {
  const context = doc.context;
  const nums = PDFArray.withContext(context);
  labels.forEach((label, i) => {
    const dict = PDFDict.withContext(context);
    dict.set(PDFName.of('P'), PDFHexString.fromText(label));
    nums.push(PDFNumber.of(i));
    nums.push(dict);
  });
  const tree = PDFDict.withContext(context);
  tree.set(PDFName.of('Nums'), nums);
  doc.catalog.set(PDFName.of('PageLabels'), context.register(tree));
}
