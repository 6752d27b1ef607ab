import {
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { ChartReadyApi, EpisodeSummary, RuleInfo } from '../../shared/api';
import { messageOf } from '../api';
import { href, navigate } from '../lib/route';
import { ruleName, useRules } from '../lib/rules';
import {
  filtersFromQuery,
  filtersToQuery,
  isFiltered,
  matchesEpisode,
  NO_FILTERS,
  rememberEpisodesQuery,
  type EpisodeFilters,
} from '../lib/episode-filters';
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

const columns = [
  // Sizes sum to 1,272 px: every column fits a 1366-pixel screen; wider ones share the rest.
  // The MRN is wide enough for "FR-20533" whole: people read it back to the EMR.
  col.accessor('patientName', { header: 'Patient', size: 150 }),
  col.accessor('mrn', { header: 'MRN', size: 100, cell: (c) => c.getValue() ?? '' }),
  col.accessor('dob', { header: 'DOB', size: 108, cell: (c) => c.getValue() ?? '' }),
  col.accessor((e) => e.clinicians?.[0] ?? '', {
    id: 'clinician',
    header: 'Clinician',
    size: 130,
    cell: (c) => {
      const all = c.row.original.clinicians ?? [];
      // The name gives way (ellipsis) so that "+N" always shows how many more there are.
      return (
        <span className="name-and-more">
          <span className="name">{all[0] ?? ''}</span>
          {all.length > 1 && <span className="muted"> +{all.length - 1}</span>}
        </span>
      );
    },
  }),
  col.accessor('payerName', { header: 'Payer', size: 118 }),
  col.accessor('payerKind', {
    header: 'Kind',
    size: 128,
    cell: (c) => PAYER_LABEL[c.getValue()] ?? 'Other',
  }),
  col.accessor('start', { header: 'Start', size: 108 }),
  col.accessor('end', { header: 'End', size: 108 }),
  col.accessor('visits', { header: 'Visits', size: 62 }),
  col.accessor('errors', {
    header: 'Errors',
    size: 72,
    cell: (c) => <span className={c.getValue() > 0 ? 'count error' : 'count'}>{c.getValue()}</span>,
  }),
  col.accessor('warnings', {
    header: 'Warnings',
    size: 92,
    cell: (c) => <span className={c.getValue() > 0 ? 'count warn' : 'count'}>{c.getValue()}</span>,
  }),
  col.accessor('deniedClaims', {
    header: 'Denied claims',
    size: 96,
    cell: (c) => <span className={c.getValue() > 0 ? 'count error' : 'count'}>{c.getValue()}</span>,
  }),
];

/**
 * A cell's whole text, as its tooltip: cells are cut to their column with an ellipsis, and the
 * tooltip is where the rest can be read (every clinician, the payer's full name).
 */
function cellTitle(columnId: string, e: EpisodeSummary, value: unknown): string | undefined {
  if (columnId === 'clinician') return (e.clinicians ?? []).join('; ') || undefined;
  if (columnId === 'payerKind') return PAYER_LABEL[e.payerKind] ?? 'Other';
  return typeof value === 'string' && value ? value : undefined;
}

function sortingOf(sort: string): SortingState {
  const [id, dir] = sort.split('.');
  return id ? [{ id, desc: dir === 'desc' }] : [];
}

/** The search field and filters above the list; every change goes to the URL. */
function FilterBar({
  episodes,
  catalog,
  filters,
  onChange,
  onClear,
  shown,
  searchRef,
}: {
  episodes: EpisodeSummary[];
  /** The rule catalog: the Rule filter offers rules by title. */
  catalog: ReadonlyMap<string, RuleInfo>;
  filters: EpisodeFilters;
  onChange: (f: EpisodeFilters) => void;
  onClear: () => void;
  shown: number;
  searchRef: RefObject<HTMLInputElement | null>;
}) {
  const ids = {
    q: useId(),
    kind: useId(),
    payer: useId(),
    clinician: useId(),
    rule: useId(),
    severity: useId(),
    denied: useId(),
    state: useId(),
    from: useId(),
    to: useId(),
    hint: useId(),
  };
  const set = (k: keyof EpisodeFilters) => (v: string) => onChange({ ...filters, [k]: v });
  const clinicians = useMemo(
    () => [...new Set(episodes.flatMap((e) => e.clinicians ?? []))].sort(),
    [episodes],
  );
  // The payers the list's episodes name: the dashboard's "by payer" rows link to one of them.
  const payers = useMemo(
    () => [...new Set(episodes.map((e) => e.payerName).filter((p): p is string => !!p))].sort(),
    [episodes],
  );
  // By title, as people read them; the id follows each title.
  const rules = useMemo(
    () =>
      [...new Set(episodes.flatMap((e) => e.rules ?? []))].sort((a, b) =>
        ruleName(catalog, a).localeCompare(ruleName(catalog, b)),
      ),
    [episodes, catalog],
  );
  const select = (k: keyof EpisodeFilters, label: string, options: Array<[string, string]>) => (
    <span className="field">
      <label htmlFor={ids[k as keyof typeof ids]}>{label}</label>
      <select
        id={ids[k as keyof typeof ids]}
        value={filters[k]}
        onChange={(e) => set(k)(e.target.value)}
      >
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </span>
  );
  return (
    <div className="toolbar filters" role="search">
      <span className="field">
        <label htmlFor={ids.q}>Search</label>
        <input
          id={ids.q}
          ref={searchRef}
          type="search"
          value={filters.q}
          placeholder="Patient, MRN or claim #"
          aria-describedby={ids.hint}
          onChange={(e) => set('q')(e.target.value)}
          onKeyDown={(e) => {
            // Down arrow goes from the search to the list, past the filters.
            if (e.key !== 'ArrowDown') return;
            const row = document.querySelector<HTMLElement>(
              'table.episodes tbody tr[tabindex="0"]',
            );
            if (row) {
              e.preventDefault();
              row.focus();
            }
          }}
        />
        <span id={ids.hint} className="visually-hidden">
          Press the down arrow to move to the list.
        </span>
      </span>
      {select('kind', 'Payer type', [['', 'All'], ...Object.entries(PAYER_LABEL)])}
      {select('payer', 'Payer', [['', 'All'], ...payers.map((p): [string, string] => [p, p])])}
      {select('clinician', 'Clinician', [
        ['', 'All'],
        ...clinicians.map((c): [string, string] => [c, c]),
      ])}
      {select('rule', 'Rule', [
        ['', 'Any'],
        ...rules.map((r): [string, string] => [r, ruleName(catalog, r)]),
      ])}
      {select('severity', 'Findings', [
        ['', 'Any'],
        ['errors', 'With errors'],
        ['warnings', 'With warnings'],
        ['clean', 'None'],
      ])}
      {select('state', 'Review', [
        ['', 'Any'],
        ['open', 'With open findings'],
        ['decided', 'With decided findings'],
        ['new', 'With new findings'],
      ])}
      {select('denied', 'Claims', [
        ['', 'Any'],
        ['1', 'With a denial'],
        // CO-4 with MA130: no appeal rights, so no denial; corrected and sent again.
        ['returned', 'Returned unprocessable'],
      ])}
      <span className="field">
        <label htmlFor={ids.from}>From</label>
        <input
          id={ids.from}
          type="date"
          value={filters.from}
          onChange={(e) => set('from')(e.target.value)}
        />
      </span>
      <span className="field">
        <label htmlFor={ids.to}>To</label>
        <input
          id={ids.to}
          type="date"
          value={filters.to}
          onChange={(e) => set('to')(e.target.value)}
        />
      </span>
      {isFiltered(filters) && (
        <button type="button" onClick={onClear}>
          Clear filters
        </button>
      )}
      <span role="status" aria-live="polite" className="muted" data-testid="episode-count">
        {shown === episodes.length
          ? `${episodes.length} episode${episodes.length === 1 ? '' : 's'}`
          : `${shown} of ${episodes.length} episodes`}
      </span>
    </div>
  );
}

export function EpisodesTable({
  episodes,
  total,
  onClearFilters,
  sort,
  onSort,
  onOpen,
}: {
  /** The episodes to show (already filtered). */
  episodes: EpisodeSummary[];
  /** How many episodes the database holds, filtered or not: none at all is a welcome. */
  total: number;
  /** Offered when filters hide every episode. */
  onClearFilters: () => void;
  sort: string;
  onSort: (sort: string) => void;
  onOpen: (e: EpisodeSummary) => void;
}) {
  const sorting = useMemo(() => sortingOf(sort), [sort]);
  const [active, setActive] = useState(0);
  const scrollRef = useRef<HTMLDivElement>(null);

  const table = useReactTable({
    data: episodes,
    columns,
    state: { sorting },
    autoResetPageIndex: false,
    autoResetExpanded: false,
    onSortingChange: (updater) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSort(first ? `${first.id}.${first.desc ? 'desc' : 'asc'}` : '');
    },
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
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
                    <td
                      key={cell.id}
                      title={cellTitle(cell.column.id, row.original, cell.getValue())}
                    >
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
        {rows.length === 0 &&
          (total === 0 ? (
            <p className="empty">
              No episodes yet. <a href={href({ name: 'import' })}>Import a chart export</a> to
              begin.
            </p>
          ) : (
            <div className="empty" data-testid="no-match">
              <p>
                No episode matches the search and filters ({total.toLocaleString()} episode
                {total === 1 ? '' : 's'} in all).
              </p>
              <button type="button" onClick={onClearFilters}>
                Clear filters
              </button>
            </div>
          ))}
      </div>
    </>
  );
}

export function EpisodesScreen({
  api,
  query,
}: {
  api: ChartReadyApi;
  /** The search, filters and sort from the URL. */
  query?: Record<string, string>;
}) {
  const [episodes, setEpisodes] = useState<EpisodeSummary[] | null>(null);
  const catalog = useRules(api);
  const [error, setError] = useState<string | null>(null);
  // Bumped after the notes are read again: the list is reviewed anew.
  const [generation, setGeneration] = useState(0);
  const [filters, setFilters] = useState<EpisodeFilters>(() => filtersFromQuery(query));
  // Arriving with a query (a dashboard link, the menu, the URL edited while the list is open):
  // its filters are shown, and that is now the list to come back to. `query` is a new object only
  // when the URL's hash changes (the screen's own edits replace the URL without that event).
  useEffect(() => {
    setFilters(filtersFromQuery(query));
    rememberEpisodesQuery(filtersToQuery(filtersFromQuery(query)));
  }, [query]);

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

  // The URL follows the filters (replaced, not pushed: Back leaves the list, as a user expects).
  const change = (f: EpisodeFilters) => {
    setFilters(f);
    rememberEpisodesQuery(filtersToQuery(f));
    window.history.replaceState(null, '', href({ name: 'episodes', query: filtersToQuery(f) }));
  };
  // Clearing removes the button pressed: focus goes to the search, where filtering starts again.
  const search = useRef<HTMLInputElement>(null);
  const focusSearch = useRef(false);
  const clearFilters = () => {
    focusSearch.current = true;
    change({ ...NO_FILTERS, sort: filters.sort });
  };
  useLayoutEffect(() => {
    if (!focusSearch.current) return;
    focusSearch.current = false;
    search.current?.focus();
  }, [filters]);

  const shown = useMemo(
    () => (episodes ?? []).filter((e) => matchesEpisode(e, filters)),
    [episodes, filters],
  );
  const totals = useMemo(
    () => ({
      errors: shown.reduce((n, e) => n + e.errors, 0),
      withErrors: shown.filter((e) => e.errors > 0).length,
      denied: shown.reduce((n, e) => n + e.deniedClaims, 0),
    }),
    [shown],
  );

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
          {shown.length === 0 && episodes.length > 0 ? (
            <p className="lead" data-testid="episode-totals">
              None of the {episodes.length.toLocaleString()} episode
              {episodes.length === 1 ? '' : 's'} matches the filters.
            </p>
          ) : (
            <p className="lead" data-testid="episode-totals">
              {totals.withErrors.toLocaleString()} of {shown.length.toLocaleString()} episode
              {shown.length === 1 ? '' : 's'}
              {isFiltered(filters) ? ' shown' : ''}{' '}
              {totals.withErrors === 1 || shown.length === 1 ? 'has' : 'have'} audit errors (
              {totals.errors.toLocaleString()} error{totals.errors === 1 ? '' : 's'} in all);{' '}
              {totals.denied.toLocaleString()} denied claim
              {totals.denied === 1 ? '' : 's'}.
            </p>
          )}
          <FilterBar
            episodes={episodes}
            catalog={catalog}
            filters={filters}
            onChange={change}
            onClear={clearFilters}
            shown={shown.length}
            searchRef={search}
          />
          <EpisodesTable
            episodes={shown}
            total={episodes.length}
            onClearFilters={clearFilters}
            sort={filters.sort}
            onSort={(sort) => change({ ...filters, sort })}
            onOpen={(e) => navigate({ name: 'episode', id: e.id })}
          />
        </>
      )}
    </div>
  );
}

/**
 * Says when documents or billing rows are in no episode because they name no patient, or only a
 * name several patients share, and where to assign them.
 */
function UnassignedNotice({ api, generation }: { api: ChartReadyApi; generation: number }) {
  const [count, setCount] = useState({ docs: 0, billing: 0 });
  useEffect(() => {
    let live = true;
    Promise.all([api.listUnassigned(), api.listUnassignedBilling()])
      .then(([d, b]) => live && setCount({ docs: d.length, billing: b.length }))
      .catch(() => {
        // An offer, not a requirement: the episode list works without it.
      });
    return () => {
      live = false;
    };
  }, [api, generation]);
  const { docs, billing } = count;
  if (docs + billing === 0) return null;
  const one = docs + billing === 1;
  return (
    <p className="panel attention" data-testid="unassigned-notice">
      {docs > 0 &&
        `${docs} document${docs === 1 ? ' names' : 's name'} no patient this chart knows and ${docs === 1 ? 'is' : 'are'} in no episode. `}
      {billing > 0 &&
        `Billing for ${billing} name${billing === 1 ? '' : 's'} that several patients share ${billing === 1 ? 'is' : 'are'} in no episode. `}
      <a href={href({ name: 'import' })}>Assign {one ? 'it' : 'them'} to a patient</a>.
    </p>
  );
}
