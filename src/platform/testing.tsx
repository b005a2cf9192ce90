// Test helpers for screens (Settings, sign-in), not imported by the app: a local database (empty, or with the demo clinic), the
// data facade over it, someone signed in (or nobody), and a stand-in for the server's HTTP API.
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';
import type { ChairsideDatabase } from '../db/collections';
import { loadDemoClinic } from '../db/demo';
import { openTestDatabase } from '../db/testing';
import { buildDemoClinic, type DemoStaff } from '../domain/demo/clinic';
import { createData } from './data';
import { DataProvider } from './DataContext';
import { useSession } from './session';

export const demo = buildDemoClinic('2026-12-02');

export function demoPerson(prefix: string): DemoStaff {
  const person = demo.staff.find((s) => s.name.startsWith(prefix));
  if (!person) throw new Error(`no demo person ${prefix}`);
  return person;
}

const open: ChairsideDatabase[] = [];

/**
 * Closes the databases the test opened. RxDB's open core allows 13 open collections: a test that
 * failed before closing its database must not fail every test after it. Call it in afterEach.
 */
export async function closeDatabases(): Promise<void> {
  await Promise.all(open.splice(0).map((db) => (db.closed ? undefined : db.close())));
}

/** Renders `ui` over a fresh database; `withDemo` loads the demo clinic first; `as` signs someone in. */
export async function renderWithData(ui: ReactNode, opts: { withDemo?: boolean; as?: DemoStaff } = {}) {
  const { db } = await openTestDatabase();
  open.push(db);
  if (opts.withDemo) await loadDemoClinic(db, { today: '2026-12-02', hashPin: async (pin) => `test$${pin}` });
  const session = useSession.getState();
  if (opts.as) session.signIn({ id: opts.as.id, name: opts.as.name, role: opts.as.role }, Date.now());
  else session.signOut();
  const view = render(<DataProvider value={createData(db, 'd1')}>{ui}</DataProvider>);
  return { db, view };
}

type Answer = { status: number; body: unknown };

/**
 * Replaces `fetch` with answers by "METHOD /path" (a function answers each call in turn); anything
 * else is a 404, as from a clinic's server without the demo routes.
 */
export function fakeServer(routes: Record<string, Answer | (() => Answer)>) {
  const calls: { key: string; init: RequestInit | undefined }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const key = `${init?.method ?? 'GET'} ${url.pathname}`;
    calls.push({ key, init });
    const route = routes[key];
    const answer =
      typeof route === 'function' ? route() : (route ?? { status: 404, body: { error: 'not_found' } });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls };
}
