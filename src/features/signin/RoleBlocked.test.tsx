// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useSession } from '../../platform/session';
import { RoleBlocked, RoleGate } from './RoleBlocked';

afterEach(cleanup);

const sam = { id: 's5', name: 'Sam Rivera', role: 'front_desk' as const };

describe('a screen the role may not use [R3]', () => {
  it('front desk at Treat reads who treats and gets links to Receive, Count and Stock', () => {
    render(<RoleBlocked staff={sam} action="treat" />);
    expect(screen.getByRole('heading').textContent).toBe('Treat is for injectors, managers and admins');
    expect(screen.getByTestId('role-blocked').textContent).toContain('Sam Rivera is signed in as front desk');
    const links = screen.getAllByRole('link').map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Receive stock', '/receive'],
      ['Count the fridge', '/count'],
      ['Look up stock', '/stock'],
    ]);
  });

  it('[R2] a gated screen shows itself to a role that may use it, or to nobody signed in', () => {
    useSession.getState().signOut();
    const { rerender } = render(
      <RoleGate action="view_reports" screen="Reports">
        <p>the reports</p>
      </RoleGate>,
    );
    expect(screen.getByText('the reports')).toBeTruthy();
    useSession.getState().signIn(sam, Date.now());
    rerender(
      <RoleGate action="view_reports" screen="Reports">
        <p>the reports</p>
      </RoleGate>,
    );
    expect(screen.queryByText('the reports')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe('Reports is for managers and admins');
    useSession.getState().signOut();
  });
});
