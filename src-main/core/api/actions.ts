/**
 * Corrective actions (issue 16): each finding whose latest decision confirms the defect, with the
 * action, its due date and the clinician it concerns; open while the latest recorded review still
 * reports the finding (overdue past its due date), resolved once it does not.
 */
import type { CorrectiveAction } from '../../../shared/api';
import type { IsoDate } from '../../../shared/model';
import type { Db } from '../store/db';
import { readStoredEpisodes } from './stored-review';

interface Row {
  finding_id: string;
  episode_id: string;
  rule: string;
  dates: string;
  action: string | null;
  due: string | null;
  clinician: string | null;
  decided_by: string;
  decided_at: string;
  reported: number;
}

const STATUS_ORDER: Record<CorrectiveAction['status'], number> = {
  overdue: 0,
  open: 1,
  resolved: 2,
};

export function correctiveActions(db: Db, asOf: IsoDate): CorrectiveAction[] {
  const rows = db
    .prepare(
      `SELECT d.finding_id, d.episode_id, d.rule, d.dates, d.action, d.due, d.clinician,
              d.decided_by, d.decided_at,
              EXISTS (SELECT 1 FROM episode_findings e, json_each(e.finding_ids) j
                       WHERE e.episode_id = d.episode_id AND j.value = d.finding_id) AS reported
         FROM finding_decisions d
        WHERE d.id = (SELECT max(id) FROM finding_decisions x WHERE x.finding_id = d.finding_id)
          AND d.decision = 'confirmed'`,
    )
    .all() as Row[];
  const episodes = new Map(readStoredEpisodes(db).map((e) => [e.id, e.summary]));
  const out = rows.map((r): CorrectiveAction => {
    const episode = episodes.get(r.episode_id);
    const status = !r.reported ? 'resolved' : r.due && r.due < asOf ? 'overdue' : 'open';
    return {
      findingId: r.finding_id,
      episodeId: r.episode_id,
      patient: episode?.patientName ?? null,
      rule: r.rule,
      dates: JSON.parse(r.dates) as IsoDate[],
      action: r.action ?? '',
      due: r.due,
      clinician:
        r.clinician ?? (episode?.clinicians?.length ? episode.clinicians.join('; ') : null),
      decidedBy: r.decided_by,
      decidedAt: r.decided_at,
      status,
    };
  });
  return out.sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      (a.clinician ?? '\uffff').localeCompare(b.clinician ?? '\uffff') ||
      (a.due ?? '9999').localeCompare(b.due ?? '9999') ||
      a.findingId.localeCompare(b.findingId),
  );
}
