import type { ChartReadyApi, ClaimSummary, CorrectedClaimView } from '../../shared/api';
import type { PayerKind } from '../../shared/model';
import { ruleName, useRules } from '../lib/rules';
import { denialSourceWords, recordsOptionName } from '../lib/packet-words';

const SEVERITY_WORD = { error: 'Error', warning: 'Warning' } as const;

/**
 * The packet screen for a claim returned as unprocessable (CO-4 with remark MA130): no appeal
 * letter and no appeal deadline, since it has no appeal rights. Each returned line with what the
 * review found wrong on its date, and how to resubmit.
 */
export function CorrectedClaim({
  api,
  claimId,
  correction,
  payerKind,
  remit,
}: {
  api: ChartReadyApi;
  claimId: string;
  correction: CorrectedClaimView;
  payerKind: PayerKind;
  /** The remittance that returned the claim, so its code says where it came from. */
  remit: ClaimSummary['remit'];
}) {
  const rules = useRules(api);
  const medicare = payerKind === 'medicare';
  return (
    <section aria-labelledby="correction-h" className="panel" data-testid="corrected-claim">
      <h2 id="correction-h">What to correct</h2>
      <p>
        {correction.linesOnly ? (
          <>
            The lines of claim <span className="mono">{claimId}</span> dated{' '}
            {correction.lines.map((l) => l.date).join(', ')} were returned as unprocessable
          </>
        ) : (
          <>
            Claim <span className="mono">{claimId}</span> was returned as unprocessable
          </>
        )}{' '}
        ({correction.code} {denialSourceWords('remit', remit)})
        {correction.meaning ? `: ${correction.meaning.replace(/\.$/, '')}` : ''}.{' '}
        <strong>
          {correction.linesOnly ? 'They have' : 'It has'} no appeal rights, so there is no appeal
          letter and no appeal deadline.
        </strong>
      </p>
      <ul className="correction-lines" aria-label="Returned lines">
        {correction.lines.map((l) => (
          <li key={l.date} data-testid="returned-line">
            <h3>Line of {l.date}</h3>
            {l.fixes.length > 0 ? (
              <ul>
                {l.fixes.map((f, i) => (
                  <li key={f.findingId ?? i} data-testid="correction-fix">
                    <strong>{SEVERITY_WORD[f.severity]}:</strong> {f.message}{' '}
                    <span className="muted small">({ruleName(rules, f.rule)})</span>
                    {rules.get(f.rule)?.fix && (
                      <div className="small">How to fix: {rules.get(f.rule)!.fix}</div>
                    )}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="small">
                The review found nothing wrong on this date: correct what the remit names (
                {correction.code}).
              </p>
            )}
          </li>
        ))}
      </ul>
      <h3>Resubmitting</h3>
      <p data-testid="resubmit-note">
        Correct {correction.linesOnly ? 'these lines' : 'the claim'} in your billing system and
        submit {correction.linesOnly ? 'them' : 'it'} again as a new claim
        {medicare ? ' (not a reopening or a redetermination request)' : ''}
        {correction.linesOnly ? "; the claim's other lines were processed and stay as paid" : ''}.
        The timely-filing limit from the date of service still applies
        {medicare ? ' (Medicare: one year)' : ''}. If the payer asks for the records, choose the{' '}
        {recordsOptionName(payerKind)} under Packet type.
      </p>
    </section>
  );
}
