import { useEffect, useState } from 'react';
import type { DemoServerInfo } from '../../platform/data';
import { useData } from '../../platform/DataContext';
import { useEnrollmentVersion } from '../../platform/enrollment-version';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Connects this tablet to the clinic's server with a one-time enrollment code (SPEC [S1]). On a
 * server started with `--demo`, a browser on the server's own machine may fill in a demo code with
 * one tap ([S23]); everywhere else the code comes from an admin.
 */
export function EnrollForm({ idPrefix = 'enroll' }: { idPrefix?: string }) {
  const data = useData();
  const bump = useEnrollmentVersion((s) => s.bump);
  const [code, setCode] = useState('');
  const [name, setName] = useState('Treatment room tablet');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoServerInfo | null>(null);
  const [demoNote, setDemoNote] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void data.codes.demoServer().then((info) => live && setDemo(info));
    return () => {
      live = false;
    };
  }, [data]);

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      await data.sync.enroll(
        { baseUrl: location.origin, token: null, fetch: (...a) => fetch(...a) },
        code,
        name.trim() || 'Tablet',
      );
      setCode('');
      bump();
    } catch (e) {
      // A SyncError is an Error: its message says why in plain words.
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  }

  async function fillDemoCode() {
    setError(null);
    try {
      const created = await data.codes.demoCode();
      setCode(created.code);
      setDemoNote('Demo code filled in: it works once, for the next 10 minutes. Tap Connect.');
    } catch (e) {
      setError(messageOf(e));
    }
  }

  return (
    <div className="enroll-form">
      {demo?.sameHost ? (
        <p className="row">
          <span>This server runs the demo clinic.</span>
          <button
            type="button"
            className="button button--ghost"
            data-testid="demo-enroll-code"
            onClick={() => void fillDemoCode()}
          >
            Use a demo code
          </button>
        </p>
      ) : null}
      {demoNote ? (
        <p role="status" className="muted" data-testid="demo-code-note">
          {demoNote}
        </p>
      ) : null}
      <label className="field">
        <span>Enrollment code</span>
        <input
          id={`${idPrefix}-code`}
          data-testid="enroll-code"
          value={code}
          onChange={(e) => {
            setCode(e.target.value);
            setError(null);
          }}
          autoComplete="off"
          placeholder="e.g. 7KQ2M-XH4RT"
        />
      </label>
      <label className="field">
        <span>Name of this tablet</span>
        <input data-testid="enroll-name" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {error ? (
        <p role="alert" className="error" data-testid="enroll-error">
          {error}
        </p>
      ) : null}
      <button
        type="button"
        className="button"
        data-testid="enroll-submit"
        disabled={busy || !code.trim()}
        onClick={() => void submit()}
      >
        {busy ? 'Connecting…' : 'Connect'}
      </button>
    </div>
  );
}
