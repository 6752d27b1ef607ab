import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ChartReadyApi, EvidencePage } from '../../shared/api';
import type { Evidence } from '../../shared/model';
import { messageOf } from '../api';
import { ocrHighlight, type OcrHighlight } from '../lib/ocr-highlight';
import { openPdf, renderPage, type Box } from '../lib/pdf';
import { findQuote, splitAtQuote } from '../lib/quote';
import { Button } from '../components/Button';

const PAGE_WIDTH = 640;
/** Zoom steps, as a share of the page's standard width. */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

const OTHER_PAGE = 'Another page of the same document; the quote is on the cited page.';
/** A document opened from the episode's document list or timeline: nothing is quoted. */
const AS_FILED = 'The document as filed; nothing is quoted.';

/** Status of a scanned page once drawn: where the quote is, and how sure OCR was of it. */
function scanStatus(quote: string, hl: OcrHighlight | null, idle: string): string {
  if (!quote) return idle;
  if (!hl) {
    return 'The quote could not be located among the words OCR read on this scanned page; it is shown above.';
  }
  const low = hl.boxes.some((b) => b.low)
    ? ' Words read with low confidence are outlined with dashes: check them on the image.'
    : '';
  const places =
    hl.places > 1
      ? ` The quoted text appears ${hl.places} times on this page; each is marked.`
      : '';
  return `Quoted text is highlighted on the scanned page (read by OCR, confidence ${Math.round(hl.confidence)}%).${places}${low}`;
}

/** The quote's boxes over a scanned page image (an OCR page has no text layer to search). */
function OcrBoxes({ hl }: { hl: OcrHighlight | null }) {
  return (
    <>
      {hl?.boxes.map((b, i) => (
        <div
          key={i}
          className={b.low ? 'hl hl-low' : 'hl'}
          data-testid="evidence-highlight"
          data-low-confidence={b.low || undefined}
          style={{ left: b.left, top: b.top, width: b.width, height: b.height }}
        />
      ))}
    </>
  );
}

function PdfPage({
  page,
  quote,
  width,
  idle,
}: {
  page: Extract<EvidencePage, { kind: 'pdf' }>;
  /** The quote to highlight, or '' on pages other than the cited one. */
  quote: string;
  width: number;
  /** What the status says with no quote to highlight. */
  idle: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [state, setState] = useState<'rendering' | 'done' | string>('rendering');
  const ocr = page.ocr;

  useEffect(() => {
    let live = true;
    setState('rendering');
    setBoxes([]);
    void (async () => {
      try {
        const doc = await openPdf(page.pdfBase64);
        if (!live || !canvas.current) return;
        // A scanned page has no text layer: its quote is found among the OCR words instead.
        const textQuote = ocr ? undefined : quote || undefined;
        const r = await renderPage(doc, page.page, canvas.current, width, textQuote);
        if (!live) return;
        setBoxes(r.boxes);
        setState('done');
        void doc.destroy();
      } catch (err) {
        if (live) setState(`Could not render the page: ${messageOf(err)}`);
      }
    })();
    return () => {
      live = false;
    };
  }, [page, quote, width, ocr]);

  const hl = ocr && state === 'done' ? ocrHighlight(ocr, quote, width) : null;
  const found = state === 'done' && boxes.length > 0;
  return (
    <>
      <p className="muted" role="status" data-testid="evidence-status">
        {state === 'rendering'
          ? 'Rendering page…'
          : state !== 'done'
            ? state
            : ocr
              ? scanStatus(quote, hl, idle)
              : !quote
                ? idle
                : found
                  ? 'Quoted text is highlighted on the page.'
                  : 'The quote could not be located on the page image; it is shown below.'}
      </p>
      <div className="pdf-page" data-testid="evidence-page" style={{ width }}>
        <canvas
          ref={canvas}
          role="img"
          aria-label={`Page ${page.page} of ${page.file}${ocr ? ' (scanned)' : ''}`}
        />
        {boxes.map((b, i) => (
          <div
            key={i}
            className="hl"
            data-testid="evidence-highlight"
            style={{ left: b.left, top: b.top, width: b.width, height: b.height }}
          />
        ))}
        <OcrBoxes hl={hl} />
      </div>
    </>
  );
}

/** One page of an image file (PNG, JPEG, a TIFF page sent as PNG) with the quote's OCR boxes. */
function ImagePage({
  page,
  quote,
  width,
  idle,
}: {
  page: Extract<EvidencePage, { kind: 'image' }>;
  quote: string;
  width: number;
  idle: string;
}) {
  // Keyed by file and page by the caller, so a new page starts at 'loading'.
  const [state, setState] = useState<'loading' | 'done' | 'failed'>('loading');
  const hl = state === 'done' ? ocrHighlight(page.ocr, quote, width) : null;
  return (
    <>
      <p className="muted" role="status" data-testid="evidence-status">
        {state === 'loading'
          ? 'Loading the scanned page…'
          : state === 'failed'
            ? 'Could not show the scanned page image.'
            : scanStatus(quote, hl, idle)}
      </p>
      <div className="pdf-page" data-testid="evidence-page" style={{ width }}>
        <img
          className="scan-image"
          src={`data:${page.mime};base64,${page.imageBase64}`}
          alt={`Page ${page.page} of ${page.file} (scanned image)`}
          width={width}
          onLoad={() => setState('done')}
          onError={() => setState('failed')}
        />
        <OcrBoxes hl={hl} />
      </div>
    </>
  );
}

/**
 * Brings a quote's highlight into view: centred in the viewer's scrolled page, then, if the window
 * does not show it, the viewer's top at the window's top (its heading and paging stay in sight),
 * and only if that is not enough, the highlight itself.
 */
function showHighlight(body: HTMLElement, hl: Element): void {
  const inBody = hl.getBoundingClientRect().top - body.getBoundingClientRect().top;
  body.scrollTop += inBody - (body.clientHeight - hl.getBoundingClientRect().height) / 2;
  const inWindow = () => {
    const r = hl.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  };
  if (inWindow()) return;
  body.closest('section')?.scrollIntoView({ block: 'start' });
  if (!inWindow()) hl.scrollIntoView({ block: 'nearest' });
}

export function EvidenceViewer({
  api,
  evidence,
  onClose,
  title,
}: {
  api: ChartReadyApi;
  evidence: Evidence;
  onClose: () => void;
  /** The document's own name ("Daily note, 2026-08-26") where its file path says nothing. */
  title?: string | null;
}) {
  const [page, setPage] = useState<EvidencePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pageNo, setPageNo] = useState(evidence.page);
  /**
   * The document's page count as last loaded: the paging buttons stay while the next page loads,
   * so the one the user pressed keeps focus (re-mounted, it would lose it).
   */
  const [pageCount, setPageCount] = useState<number | null>(null);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [bodyWidth, setBodyWidth] = useState(PAGE_WIDTH);
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const section = useRef<HTMLElement>(null);
  // The link that opened the viewer: focus goes back to it when the viewer closes.
  const opener = useRef<Element | null>(null);

  // Focus goes to the heading when the viewer opens (or opens on other evidence), never as the
  // user pages: paging back onto the cited page keeps focus on the button pressed. In the same
  // commit as the heading appears: a viewer mounted anew (its episode re-rendered) would otherwise
  // leave focus on the page body until after the paint.
  useLayoutEffect(() => {
    // Opened on other evidence while focus is inside the viewer, the first opener is still the
    // one to go back to: the viewer's own heading is not.
    const active = document.activeElement;
    if (!section.current?.contains(active)) opener.current = active;
    setPageNo(evidence.page);
    setPageCount(null);
    heading.current?.focus();
  }, [evidence]);

  useEffect(() => {
    let live = true;
    setPage(null);
    setError(null);
    api
      .getEvidence({
        file: evidence.file,
        page: pageNo,
        ...(evidence.line != null ? { line: evidence.line } : {}),
      })
      .then((p) => {
        if (!live) return;
        setPage(p);
        setPageCount(p.pageCount);
      })
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [api, evidence, pageNo]);

  // The quote is what the viewer was opened for: once its highlight is drawn (the cited page can
  // be long, and the quote at its foot), it is scrolled into view, once per opening.
  useEffect(() => {
    const el = body.current;
    if (!el || !evidence.quote) return;
    const observer = new MutationObserver(() => scrollToHighlight());
    function scrollToHighlight(): boolean {
      const hl = el?.querySelector('[data-testid="evidence-highlight"]');
      if (!hl) return false;
      observer.disconnect();
      showHighlight(el!, hl);
      return true;
    }
    if (!scrollToHighlight()) observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [evidence]);

  // Fit to width follows the panel's width as the window changes.
  useEffect(() => {
    const el = body.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBodyWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // As the viewer leaves, focus inside it goes back to its opener in the same commit, before the
  // panel is removed: restored a frame later, focus sat on the page body in between. An opener
  // that has left the page (its list re-rendered), or the page body itself (the viewer opened
  // by its shortcut with nothing focused), gives way to the screen's heading.
  useLayoutEffect(() => {
    const panel = section.current;
    return () => {
      const back = opener.current;
      if (!panel?.contains(document.activeElement)) return;
      const usable =
        back instanceof HTMLElement &&
        back !== document.body &&
        back.isConnected &&
        !panel.contains(back);
      if (usable) back.focus();
      else document.querySelector<HTMLElement>('h1[tabindex]')?.focus();
    };
  }, []);

  // Fit leaves room for the page's border and a scroll bar.
  const scale = zoom === 'fit' ? Math.max(0.5, (bodyWidth - 24) / PAGE_WIDTH) : zoom;
  const step = (dir: 1 | -1) => {
    const i = ZOOMS.findIndex((z) => z >= scale - 1e-6);
    const at = i < 0 ? ZOOMS.length - 1 : i;
    setZoom(ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, at + dir))]!);
  };
  const paged = evidence.line == null && pageCount !== null && pageCount > 1;
  const onCited = pageNo === evidence.page;
  const idle = evidence.quote ? OTHER_PAGE : AS_FILED;

  // The page shown, as the user pages through the document, not only the one cited; a line of
  // structured data by the words its link uses ("claim KM26100205206, item 1"), not "line 1".
  const where =
    evidence.line != null ? (evidence.place ?? `line ${evidence.line}`) : `page ${pageNo}`;
  return (
    <section
      ref={section}
      className="panel evidence"
      aria-labelledby="evidence-h"
      data-testid="evidence-viewer"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
    >
      <div className="panel-head">
        <h2 id="evidence-h" ref={heading} tabIndex={-1}>
          {title ? (
            <>
              Evidence: {title}, {where} <span className="muted small mono">({evidence.file})</span>
            </>
          ) : (
            <>
              Evidence: <span className="mono">{evidence.file}</span>, {where}
            </>
          )}
        </h2>
        <button type="button" onClick={onClose} aria-keyshortcuts="Escape">
          Close evidence
        </button>
      </div>
      <div className="toolbar viewer-tools" role="toolbar" aria-label="Page and zoom">
        {paged && (
          <>
            <Button
              type="button"
              disabled={pageNo <= 1}
              onClick={() => setPageNo((n) => Math.max(1, n - 1))}
            >
              Previous page
            </Button>
            <Button
              type="button"
              disabled={pageNo >= pageCount}
              onClick={() => setPageNo((n) => Math.min(pageCount, n + 1))}
            >
              Next page
            </Button>
            {/* A document opened as filed cites no page: there is nothing to go back to. */}
            {!onCited && evidence.quote && (
              <button
                type="button"
                onClick={() => {
                  // This button goes away on the cited page: focus to the heading, not the body.
                  setPageNo(evidence.page);
                  heading.current?.focus();
                }}
              >
                Back to the cited page
              </button>
            )}
          </>
        )}
        <Button type="button" onClick={() => step(-1)} disabled={scale <= ZOOMS[0]!}>
          Zoom out
        </Button>
        <span aria-live="polite" data-testid="zoom-level">
          {Math.round(scale * 100)}%
        </span>
        <Button type="button" onClick={() => step(1)} disabled={scale >= ZOOMS.at(-1)!}>
          Zoom in
        </Button>
        <button type="button" onClick={() => setZoom('fit')} aria-pressed={zoom === 'fit'}>
          Fit to width
        </button>
      </div>
      {evidence.quote && <blockquote className="quote">“{evidence.quote}”</blockquote>}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!page && !error && <p role="status">Loading…</p>}
      <div
        className="viewer-body"
        ref={body}
        tabIndex={0}
        role="region"
        aria-label="Page, scrollable"
      >
        {page?.kind === 'pdf' && (
          <PdfPage
            page={page}
            quote={onCited ? evidence.quote : ''}
            width={Math.round(PAGE_WIDTH * scale)}
            idle={idle}
          />
        )}
        {page?.kind === 'image' && (
          <ImagePage
            key={`${page.file}#${page.page}`}
            page={page}
            quote={onCited ? evidence.quote : ''}
            width={Math.round(PAGE_WIDTH * scale)}
            idle={idle}
          />
        )}
        {page?.kind === 'text' && (
          <>
            <p className="muted" role="status" data-testid="evidence-status">
              {!onCited || !evidence.quote
                ? idle
                : findQuote(page.text, evidence.quote)
                  ? 'Quoted text is highlighted below.'
                  : 'The quote was not found in this page’s text.'}
            </p>
            <pre
              className="text-page"
              data-testid="evidence-page"
              role="region"
              aria-label="Page text"
              style={{ fontSize: `${scale}em` }}
            >
              {splitAtQuote(page.text, onCited ? evidence.quote : '').map((p, i) =>
                p.mark ? (
                  <mark key={i} data-testid="evidence-highlight">
                    {p.text}
                  </mark>
                ) : (
                  <span key={i}>{p.text}</span>
                ),
              )}
            </pre>
          </>
        )}
      </div>
      {page && (
        <p className="muted">
          Page {page.page} of {page.pageCount}
        </p>
      )}
    </section>
  );
}
