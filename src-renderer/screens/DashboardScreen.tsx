import { useEffect, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Dashboard, DashboardSlice } from '../../shared/api';
import { messageOf, type Backend } from '../api';
import { href, navigate } from '../lib/route';
import { ReportExport } from './ReportExport';
import { localStamp } from '../../shared/dates';

/** The dashboard's row for episodes whose notes name no signer (core/api/dashboard.ts). */
const NO_CLINICIAN = 'No clinician named';

/** The episode-list filter of a month of service (`2026-02` -> 2026-02-01 .. 2026-02-28). */
function monthFilter(key: string): Record<string, string> {
  const [y, m] = key.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${key}-01`, to: `${key}-${String(last).padStart(2, '0')}` };
}

/** The episode-list filter of a clinician's row ('No clinician named' has none). */
const clinicianFilter = (key: string): Record<string, string> =>
  key === NO_CLINICIAN ? {} : { clinician: key };

/** Recharts hands a bar's click its row under `payload`. */
const rowOf = (bar: unknown): DashboardSlice | null =>
  (bar as { payload?: DashboardSlice } | null)?.payload ?? null;

// Every figure in the user's locale, money and shares alike: "81,8 %" beside "1.296,00 $", never
// a US decimal point beside a German thousands separator.
const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
const share = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
const wholeShare = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });
const wholeMoney = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 });
const pct = (r: number | null) => (r === null ? '—' : share.format(r));
/** A chart's value in percent points (0-100), as the share it is. */
const points = (v: unknown) => share.format(Number(v) / 100);

function SliceTable({
  caption,
  column,
  rows,
  filter,
}: {
  caption: string;
  column: string;
  rows: DashboardSlice[];
  /** The episode-list filter that shows a row's episodes. */
  filter: (row: DashboardSlice) => Record<string, string>;
}) {
  return (
    <table className="data dashboard-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{column}</th>
          <th scope="col">Readiness</th>
          <th scope="col">Billed dates</th>
          <th scope="col">With open errors</th>
          <th scope="col">Dollars at risk</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <a href={href({ name: 'episodes', query: filter(r) })}>{r.label}</a>
            </th>
            <td>{pct(r.readiness)}</td>
            <td>{r.billedDates.toLocaleString()}</td>
            <td>{(r.billedDates - r.passingDates).toLocaleString()}</td>
            <td>{money.format(r.atRisk)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * How ready the store is for an audit: the share of billed dates whose documentation passes every
 * error-severity rule and the charges on dates with open errors, overall and by month, clinician,
 * payer and rule, with the trend across reviews. Each chart has its figures beside it as a table
 * (values in words and numbers, never colour alone).
 */
export function DashboardScreen({ backend }: { backend: Backend }) {
  const { api } = backend;
  const [d, setD] = useState<Dashboard | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api
      .getDashboard()
      .then(setD)
      .catch((err: unknown) => setError(messageOf(err)));
  }, [api]);

  return (
    <section aria-labelledby="dashboard-h">
      <h1 id="dashboard-h">Readiness</h1>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {!d && !error && <p role="status">Loading the dashboard…</p>}
      {d && d.totals.billedDates === 0 && (
        <p>
          No billed dates reviewed yet. <a href={href({ name: 'import' })}>Import a chart export</a>{' '}
          to see how ready it is.
        </p>
      )}
      {d && d.totals.billedDates > 0 && (
        <>
          <div className="kpis" role="group" aria-label={`Totals as of ${d.asOf}`}>
            <div className="kpi">
              <span className="kpi-label">Readiness</span>
              <a
                className="kpi-value"
                href={href({ name: 'episodes', query: { severity: 'errors' } })}
                aria-label={`Readiness ${pct(d.totals.readiness)}: show the episodes with errors`}
              >
                {pct(d.totals.readiness)}
              </a>
              <span className="muted small">
                {d.totals.passingDates.toLocaleString()} of {d.totals.billedDates.toLocaleString()}{' '}
                billed dates pass every error rule
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Dollars at risk</span>
              <a
                className="kpi-value"
                href={href({ name: 'episodes', query: { severity: 'errors' } })}
                aria-label={`${money.format(d.totals.atRisk)} at risk: show the episodes with errors`}
              >
                {money.format(d.totals.atRisk)}
              </a>
              <span className="muted small">
                of {money.format(d.totals.charges)} billed, on dates with open errors
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Episodes</span>
              <span className="kpi-value">{d.totals.episodes.toLocaleString()}</span>
              <span className="muted small">
                {/* A link, not a count: the number above is every episode reviewed. */}
                reviewed;{' '}
                <a href={href({ name: 'episodes', query: { severity: 'errors' } })}>
                  show those with errors
                </a>
              </span>
            </div>
          </div>

          <div className="charts">
            <figure className="chart">
              <figcaption>Readiness by month of service</figcaption>
              <div
                role="img"
                aria-label={`Readiness by month: ${d.byMonth.map((m) => `${m.label} ${pct(m.readiness)}`).join(', ')}`}
                className="chart-box"
              >
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={d.byMonth.map((m) => ({ ...m, pct: (m.readiness ?? 0) * 100 }))}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis dataKey="label" />
                    <YAxis
                      domain={[0, 100]}
                      tickFormatter={(v) => wholeShare.format(Number(v) / 100)}
                    />
                    <Tooltip formatter={points} />
                    <Bar
                      dataKey="pct"
                      name="Readiness"
                      fill="#2f6f4f"
                      isAnimationActive={false}
                      cursor="pointer"
                      onClick={(bar) => {
                        const row = rowOf(bar);
                        if (row) navigate({ name: 'episodes', query: monthFilter(row.key) });
                      }}
                    >
                      <LabelList
                        dataKey="pct"
                        position="insideTop"
                        fill="#ffffff"
                        formatter={(v) => wholeShare.format(Number(v) / 100)}
                      />
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </figure>
            <figure className="chart">
              <figcaption>Dollars at risk by clinician</figcaption>
              <div
                role="img"
                aria-label={`Dollars at risk by clinician: ${d.byClinician.map((c) => `${c.label} ${money.format(c.atRisk)}`).join(', ')}`}
                className="chart-box"
              >
                <ResponsiveContainer width="100%" height={220}>
                  <BarChart data={d.byClinician} layout="vertical" margin={{ left: 40, right: 90 }}>
                    <CartesianGrid strokeDasharray="3 3" />
                    <XAxis type="number" tickFormatter={(v) => wholeMoney.format(Number(v))} />
                    <YAxis type="category" dataKey="label" width={120} />
                    <Tooltip formatter={(v) => money.format(Number(v))} />
                    <Bar
                      dataKey="atRisk"
                      name="At risk"
                      fill="#a33a2b"
                      isAnimationActive={false}
                      cursor="pointer"
                      onClick={(bar) => {
                        const row = rowOf(bar);
                        if (row) navigate({ name: 'episodes', query: clinicianFilter(row.key) });
                      }}
                    >
                      <LabelList
                        dataKey="atRisk"
                        position="right"
                        formatter={(v) => money.format(Number(v))}
                      />
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </div>
            </figure>
            {d.trend.length > 1 && (
              <figure className="chart">
                <figcaption>Readiness across reviews</figcaption>
                <div
                  role="img"
                  aria-label={`Readiness across ${d.trend.length} reviews, from ${pct(d.trend[0]!.readiness)} to ${pct(d.trend.at(-1)!.readiness)}`}
                  className="chart-box"
                >
                  <ResponsiveContainer width="100%" height={220}>
                    <LineChart
                      data={d.trend.map((t, i) => ({
                        n: i + 1,
                        pct: (t.readiness ?? 0) * 100,
                        at: localStamp(t.at),
                      }))}
                    >
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="at" />
                      <YAxis
                        domain={[0, 100]}
                        tickFormatter={(v) => wholeShare.format(Number(v) / 100)}
                      />
                      <Tooltip formatter={points} />
                      <Line
                        dataKey="pct"
                        name="Readiness"
                        stroke="#1d3f8f"
                        isAnimationActive={false}
                      />
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              </figure>
            )}
          </div>

          <SliceTable
            caption="By clinician"
            column="Clinician"
            rows={d.byClinician}
            filter={(r) => clinicianFilter(r.key)}
          />
          <SliceTable
            caption="By payer"
            column="Payer"
            rows={d.byPayer}
            filter={(r) => ({ payer: r.label })}
          />
          <SliceTable
            caption="By month of service"
            column="Month"
            rows={d.byMonth}
            filter={(r) => monthFilter(r.key)}
          />
          <table className="data dashboard-table">
            <caption>By rule (error findings)</caption>
            <thead>
              <tr>
                <th scope="col">Rule</th>
                <th scope="col">Findings</th>
                <th scope="col">Billed dates</th>
                <th scope="col">Dollars at risk</th>
              </tr>
            </thead>
            <tbody>
              {d.byRule.map((r) => (
                <tr key={r.rule}>
                  <th scope="row">
                    <a href={href({ name: 'episodes', query: { rule: r.rule } })}>{r.title}</a>{' '}
                    <span className="mono muted small">{r.rule}</span>
                  </th>
                  <td>{r.findings.toLocaleString()}</td>
                  <td>{r.billedDates.toLocaleString()}</td>
                  <td>{money.format(r.atRisk)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <ReportExport backend={backend} />
        </>
      )}
    </section>
  );
}
