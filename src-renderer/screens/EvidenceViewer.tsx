import { useEffect, useRef, useState } from 'react';
import type { ChartReadyApi, EvidencePage } from '../../shared/api';
import type { Evidence } from '../../shared/model';
import { messageOf } from '../api';
import { openPdf, renderPage, type Box } from '../lib/pdf';
import { findQuote, splitAtQuote } from '../lib/quote';

const PAGE_WIDTH = 640;

function PdfPage({ page, quote }: { page: Extract<EvidencePage, { kind: 'pdf' }>; quote: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const [boxes, setBoxes] = useState<Box[]>([]);
  const [state, setState] = useState<'rendering' | 'done' | string>('rendering');

  useEffect(() => {
    let live = true;
    setState('rendering');
    setBoxes([]);
    void (async () => {
      try {
        const doc = await openPdf(page.pdfBase64);
        if (!live || !canvas.current) return;
        const r = await renderPage(doc, page.page, canvas.current, PAGE_WIDTH, quote);
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
  }, [page, quote]);

  const found = state === 'done' && boxes.length > 0;
  return (
    <>
      <p className="muted" role="status" data-testid="evidence-status">
        {state === 'rendering'
          ? 'Rendering page…'
          : state === 'done'
            ? found
              ? 'Quoted text is highlighted on the page.'
              : 'The quote could not be located on the page image; it is shown below.'
            : state}
      </p>
      <div className="pdf-page" data-testid="evidence-page">
        <canvas ref={canvas} role="img" aria-label={`Page ${page.page} of ${page.file}`} />
        {boxes.map((b, i) => (
          <div
            key={i}
            className="hl"
            data-testid="evidence-highlight"
            style={{ left: b.left, top: b.top, width: b.width, height: b.height }}
          />
        ))}
      </div>
    </>
  );
}

export function EvidenceViewer({
  api,
  evidence,
  onClose,
}: {
  api: ChartReadyApi;
  evidence: Evidence;
  onClose: () => void;
}) {
  const [page, setPage] = useState<EvidencePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    setPage(null);
    setError(null);
    api
      .getEvidence({
        file: evidence.file,
        page: evidence.page,
        ...(evidence.line != null ? { line: evidence.line } : {}),
      })
      .then((p) => live && setPage(p))
      .catch((err: unknown) => live && setError(messageOf(err)));
    heading.current?.focus();
    return () => {
      live = false;
    };
  }, [api, evidence]);

  const where = evidence.line != null ? `line ${evidence.line}` : `page ${evidence.page}`;
  return (
    <section className="panel evidence" aria-labelledby="evidence-h" data-testid="evidence-viewer">
      <div className="panel-head">
        <h2 id="evidence-h" ref={heading} tabIndex={-1}>
          Evidence: <span className="mono">{evidence.file}</span>, {where}
        </h2>
        <button type="button" onClick={onClose}>
          Close evidence
        </button>
      </div>
      <blockquote className="quote">“{evidence.quote}”</blockquote>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!page && !error && <p role="status">Loading…</p>}
      {page?.kind === 'pdf' && <PdfPage page={page} quote={evidence.quote} />}
      {page?.kind === 'text' && (
        <>
          <p className="muted" role="status" data-testid="evidence-status">
            {findQuote(page.text, evidence.quote)
              ? 'Quoted text is highlighted below.'
              : 'The quote was not found in this page’s text.'}
          </p>
          <pre
            className="text-page"
            data-testid="evidence-page"
            tabIndex={0}
            aria-label="Page text"
          >
            {splitAtQuote(page.text, evidence.quote).map((p, i) =>
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
      {page && (
        <p className="muted">
          Page {page.page} of {page.pageCount}
        </p>
      )}
    </section>
  );
}
