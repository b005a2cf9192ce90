import { useEffect, useState } from 'react';
import { can } from '../../domain/roles';
import { checkChartPattern, type ChartRule } from '../../domain/treatment/chart-ref';
import { now } from '../../platform/clock';
import { useData } from '../../platform/DataContext';
import { activeStaff, useSession } from '../../platform/session';
import { useObservable } from '../../platform/useObservable';

/**
 * The clinic's chart-number pattern (SPEC [T8]), for managers and admins. Kept on this tablet only
 * (settings do not sync), which the card says. The pattern is checked as typed, with an example of
 * a number it accepts; "Require" makes Start visit refuse a reference that does not fit.
 */
export function ChartPatternCard() {
  const data = useData();
  const session = useSession();
  const staff = activeStaff(session, now());
  const saved = useObservable<ChartRule | null>(() => data.settings.watch('clinic.chartRule'), null, [data]);
  const [pattern, setPattern] = useState('');
  const [require, setRequire] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    setPattern(saved?.pattern ?? '');
    setRequire(saved?.require ?? false);
  }, [saved]);
  if (!staff || !can(staff.role, 'edit_clinic_settings')) return null;

  const check = checkChartPattern(pattern);
  const typed = pattern.trim() !== '';
  const changed = pattern.trim() !== (saved?.pattern ?? '') || require !== (saved?.require ?? false);

  async function save() {
    if (!check.ok) return;
    await data.settings.write('clinic.chartRule', { pattern: check.pattern, require });
    setNote('Saved on this tablet.');
  }
  async function clear() {
    await data.settings.write('clinic.chartRule', null);
    setNote('No pattern on this tablet: only names are warned about.');
  }

  return (
    <section className="card" data-testid="chart-pattern-card">
      <h3>Chart numbers (this tablet)</h3>
      <p className="muted">
        How the clinic&apos;s chart numbers look, so Start visit can flag a reference that does not fit. # is
        one digit, @ one letter, anything else stands for itself. Kept on this tablet only: set it on each
        tablet.
      </p>
      <label className="field">
        <span>Chart-number pattern</span>
        <input
          data-testid="chart-pattern"
          value={pattern}
          autoComplete="off"
          placeholder="e.g. CH-#####"
          aria-describedby="chart-pattern-check"
          onChange={(e) => {
            setPattern(e.target.value);
            setNote(null);
          }}
        />
      </label>
      <p
        id="chart-pattern-check"
        data-testid="chart-pattern-check"
        role="status"
        className={typed && !check.ok ? 'error' : 'muted'}
      >
        {!typed ? 'No pattern: only a reference that looks like a name is warned about.' : null}
        {typed && check.ok ? `Accepts e.g. ${check.example}.` : null}
        {typed && !check.ok ? check.error : null}
      </p>
      <div className="segmented" role="radiogroup" aria-label="A reference that does not fit">
        {[
          { value: false, label: 'Warn, still allow', id: 'warn' },
          { value: true, label: 'Require the pattern', id: 'require' },
        ].map((o) => (
          <button
            key={o.id}
            type="button"
            role="radio"
            aria-checked={require === o.value}
            className="button button--ghost"
            data-testid={`chart-pattern-${o.id}`}
            onClick={() => {
              setRequire(o.value);
              setNote(null);
            }}
          >
            {o.label}
          </button>
        ))}
      </div>
      <p className="row">
        <button
          type="button"
          className="button"
          data-testid="chart-pattern-save"
          disabled={!check.ok || !changed}
          onClick={() => void save()}
        >
          Save pattern
        </button>
        {saved ? (
          <button type="button" className="button button--ghost" onClick={() => void clear()}>
            Remove pattern
          </button>
        ) : null}
      </p>
      {note ? (
        <p role="status" data-testid="chart-pattern-note">
          {note}
        </p>
      ) : null}
    </section>
  );
}
