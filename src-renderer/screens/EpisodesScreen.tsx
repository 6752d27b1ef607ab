import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type FilterFn,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChartReadyApi, EpisodeSummary } from '../../shared/api';
import { messageOf } from '../api';
import { href, navigate } from '../lib/route';
import { ReaderNotice } from './ReaderNotice';

const col = createColumnHelper<EpisodeSummary>();
const ROW_HEIGHT = 40;

const PAYER_LABEL: Record<string, string> = {
  medicare: 'Medicare',
  'workers-comp': "Workers' comp",
  commercial: 'Commercial',
  other: 'Other',
  unknown: 'Unknown (set in Settings)',
};

const patientFilter: FilterFn<EpisodeSummary> = (row, _id, value: string) => {
  const q = value.trim().toLowerCase();
  if (!q) return true;
  const e = row.original;
  return e.patientName.toLowerCase().includes(q) || (e.mrn ?? '').toLowerCase().includes(q);
};

const columns = [
  col.accessor('patientName', { header: 'Patient', size: 220 }),
  col.accessor('payerName', {
    header: 'Payer',
    size: 200,
    cell: (c) => (
      <>
        {c.getValue()}{' '}
        <span className="muted">({PAYER_LABEL[c.row.original.payerKind] ?? 'Other'})</span>
      </>
    ),
    filterFn: (row, _id, kind: string) => !kind || row.original.payerKind === kind,
  }),
  col.accessor('start', { header: 'Start', size: 110 }),
  col.accessor('end', { header: 'End', size: 110 }),
  col.accessor('visits', { header: 'Visits', size: 80 }),
  col.accessor('errors', {
    header: 'Errors',
    size: 80,
    cell: (c) => <span className={c.getValue() > 0 ? 'count error' : 'count'}>{c.getValue()}</span>,
  }),
  col.accessor('warnings', {
    header: 'Warnings',
    size: 95,
    cell: (c) => <span className={c.getValue() > 0 ? 'count warn' : 'count'}>{c.getValue()}</span>,
  }),
  col.accessor('deniedClaims', {
    header: 'Denied claims',
    size: 120,
    cell: (c) => <span className={c.getValue() > 0 ? 'count error' : 'count'}>{c.getValue()}</span>,
  }),
];

export function EpisodesTable({
  episodes,
  onOpen,
}: {
  episodes: EpisodeSummary[];
  onOpen: (e: EpisodeSummary) => void;
}) {
  const searchId = useId();
  const payerId = useId();
  const [sorting, setSorting] = useState<SortingState>([{ id: 'errors', desc: true }]);
  const [search, setSearch] = useState('');
  const [payer, setPayer] = useState('');
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  // Stable references: a new filter array on every render would re-run the filter model forever.
  const columnFilters = useMemo(() => (payer ? [{ id: 'payerName', value: payer }] : []), [payer]);
  const table = useReactTable({
    data: episodes,
    columns,
    state: { sorting, globalFilter: search, columnFilters },
    autoResetPageIndex: false,
    autoResetExpanded: false,
    onSortingChange: setSorting,
    globalFilterFn: patientFilter,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  const rows = table.getRowModel().rows;

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom =
    items.length > 0 ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  useEffect(() => setActive((a) => Math.min(a, Math.max(0, rows.length - 1))), [rows.length]);

  const focusRow = (index: number) => {
    const i = Math.min(Math.max(0, index), rows.length - 1);
    setActive(i);
    virtualizer.scrollToIndex(i, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${i}"]`)?.focus();
    });
  };

  const onRowKey = (e: KeyboardEvent<HTMLTableRowElement>, index: number) => {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const row = rows[index];
      if (row) onOpen(row.original);
    }
  };

  return (
    <>
      <div className="toolbar" role="search">
        <label htmlFor={searchId}>Search patient</label>
        <input
          id={searchId}
          type="search"
          value={search}
          placeholder="Name or MRN"
          onChange={(e) => setSearch(e.target.value)}
        />
        <label htmlFor={payerId}>Payer type</label>
        <select id={payerId} value={payer} onChange={(e) => setPayer(e.target.value)}>
          <option value="">All</option>
          {Object.entries(PAYER_LABEL).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <span role="status" aria-live="polite" className="muted" data-testid="episode-count">
          {rows.length === episodes.length
            ? `${episodes.length} episode${episodes.length === 1 ? '' : 's'}`
            : `${rows.length} of ${episodes.length} episodes`}
        </span>
      </div>
      <div className="table-scroll" ref={scrollRef} data-testid="episode-scroll">
        <table className="data episodes" aria-rowcount={rows.length + 1}>
          <caption className="visually-hidden">
            Episodes of care. Use the arrow keys to move between rows and Enter to open one.
          </caption>
          <colgroup>
            {table.getVisibleLeafColumns().map((c) => (
              <col key={c.id} style={{ width: c.getSize() }} />
            ))}
          </colgroup>
          <thead>
            {table.getHeaderGroups().map((hg) => (
              <tr key={hg.id} aria-rowindex={1}>
                {hg.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={
                        dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none'
                      }
                    >
                      <button
                        type="button"
                        className="sort"
                        onClick={h.column.getToggleSortingHandler()}
                      >
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        <span aria-hidden="true" className="sort-mark">
                          {dir === 'asc' ? '▲' : dir === 'desc' ? '▼' : ''}
                        </span>
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columns.length} style={{ height: padTop }} />
              </tr>
            )}
            {items.map((v) => {
              const row = rows[v.index]!;
              return (
                <tr
                  key={row.id}
                  data-index={v.index}
                  aria-rowindex={v.index + 2}
                  tabIndex={v.index === active ? 0 : -1}
                  className="clickable"
                  style={{ height: ROW_HEIGHT }}
                  onClick={() => onOpen(row.original)}
                  onFocus={() => setActive(v.index)}
                  onKeyDown={(e) => onRowKey(e, v.index)}
                >
                  {row.getVisibleCells().map((cell) => (
                    <td key={cell.id}>
                      {flexRender(cell.column.columnDef.cell, cell.getContext())}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && (
              <tr aria-hidden="true" className="spacer">
                <td colSpan={columns.length} style={{ height: padBottom }} />
              </tr>
            )}
          </tbody>
        </table>
        {rows.length === 0 && (
          <p className="empty">
            {episodes.length === 0
              ? 'No episodes yet. Import a chart export to begin.'
              : 'No episodes match the search.'}
          </p>
        )}
      </div>
    </>
  );
}

export function EpisodesScreen({ api }: { api: ChartReadyApi }) {
  const [episodes, setEpisodes] = useState<EpisodeSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Bumped after the notes are read again: the list is reviewed anew.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    api
      .listEpisodes()
      .then((e) => live && setEpisodes(e))
      .catch((err: unknown) => live && setError(messageOf(err)));
    return () => {
      live = false;
    };
  }, [api, generation]);

  const totals = useMemo(() => {
    const list = episodes ?? [];
    return {
      errors: list.reduce((n, e) => n + e.errors, 0),
      withErrors: list.filter((e) => e.errors > 0).length,
      denied: list.reduce((n, e) => n + e.deniedClaims, 0),
    };
  }, [episodes]);

  return (
    <div className="screen wide">
      <h1>Episodes</h1>
      <ReaderNotice api={api} onDone={() => setGeneration((g) => g + 1)} />
      <UnassignedNotice api={api} generation={generation} />
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {!episodes && !error && <p role="status">Loading episodes…</p>}
      {episodes && (
        <>
          <p className="lead" data-testid="episode-totals">
            {totals.withErrors} of {episodes.length} episodes have audit errors ({totals.errors}{' '}
            errors in all); {totals.denied} denied claim{totals.denied === 1 ? '' : 's'}.
          </p>
          <EpisodesTable
            episodes={episodes}
            onOpen={(e) => navigate({ name: 'episode', id: e.id })}
          />
        </>
      )}
    </div>
  );
}

/** Says when documents are in no episode because they name no patient, and where to assign them. */
function UnassignedNotice({ api, generation }: { api: ChartReadyApi; generation: number }) {
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    api
      .listUnassigned()
      .then((d) => live && setCount(d.length))
      .catch(() => {
        // An offer, not a requirement: the episode list works without it.
      });
    return () => {
      live = false;
    };
  }, [api, generation]);
  if (count === 0) return null;
  return (
    <p className="panel attention" data-testid="unassigned-notice">
      {count} document{count === 1 ? ' names' : 's name'} no patient this chart knows and{' '}
      {count === 1 ? 'is' : 'are'} in no episode.{' '}
      <a href={href({ name: 'import' })}>Assign {count === 1 ? 'it' : 'them'} to a patient</a>.
    </p>
  );
}
