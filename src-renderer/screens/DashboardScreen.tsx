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
import type { ChartReadyApi, Dashboard, DashboardSlice } from '../../shared/api';
import { messageOf } from '../api';
import { href } from '../lib/route';

/** The dashboard's row for episodes whose notes name no signer (core/api/dashboard.ts). */
const NO_CLINICIAN = 'No clinician named';

const money = new Intl.NumberFormat(undefined, { style: 'currency', currency: 'USD' });
const pct = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

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
export function DashboardScreen({ api }: { api: ChartReadyApi }) {
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
              <span className="kpi-value">{pct(d.totals.readiness)}</span>
              <span className="muted small">
                {d.totals.passingDates.toLocaleString()} of {d.totals.billedDates.toLocaleString()}{' '}
                billed dates pass every error rule
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Dollars at risk</span>
              <span className="kpi-value">{money.format(d.totals.atRisk)}</span>
              <span className="muted small">
                of {money.format(d.totals.charges)} billed, on dates with open errors
              </span>
            </div>
            <div className="kpi">
              <span className="kpi-label">Episodes</span>
              <span className="kpi-value">{d.totals.episodes.toLocaleString()}</span>
              <span className="muted small">
                <a href={href({ name: 'episodes', query: { severity: 'errors' } })}>
                  Episodes with errors
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
                    <YAxis domain={[0, 100]} unit="%" />
                    <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
                    <Bar dataKey="pct" name="Readiness" fill="#2f6f4f" isAnimationActive={false}>
                      <LabelList
                        dataKey="pct"
                        position="insideTop"
                        fill="#ffffff"
                        formatter={(v) => `${Number(v).toFixed(0)}%`}
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
                    <XAxis type="number" />
                    <YAxis type="category" dataKey="label" width={120} />
                    <Tooltip formatter={(v) => money.format(Number(v))} />
                    <Bar dataKey="atRisk" name="At risk" fill="#a33a2b" isAnimationActive={false}>
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
                        at: t.at.slice(0, 16).replace('T', ' '),
                      }))}
                    >
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="at" />
                      <YAxis domain={[0, 100]} unit="%" />
                      <Tooltip formatter={(v) => `${Number(v).toFixed(1)}%`} />
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
            filter={(r): Record<string, string> =>
              r.key === NO_CLINICIAN ? {} : { clinician: r.key }
            }
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
            filter={(r) => ({ from: `${r.key}-01`, to: `${r.key}-31` })}
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
        </>
      )}
    </section>
  );
}
