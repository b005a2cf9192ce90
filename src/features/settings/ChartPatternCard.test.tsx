// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { readSetting } from '../../db/repositories/settings';
import { ChartPatternCard } from './ChartPatternCard';
import { closeDatabases, demoPerson, renderWithData } from '../../platform/testing';

afterEach(async () => {
  cleanup();
  await closeDatabases();
});

describe('the chart-number pattern on Settings [T8]', () => {
  it('is checked as typed with an example, and saved on this tablet with warn or require', async () => {
    const { db } = await renderWithData(<ChartPatternCard />, { withDemo: true, as: demoPerson('Casey') });
    const input = await screen.findByTestId('chart-pattern');
    const check = () => screen.getByTestId('chart-pattern-check').textContent;
    const save = () => screen.getByTestId('chart-pattern-save') as HTMLButtonElement;
    expect(screen.getByText('Chart numbers (this tablet)')).toBeTruthy();
    fireEvent.change(input, { target: { value: 'CH-' } });
    expect(check()).toContain('put a #');
    expect(save().disabled).toBe(true);
    fireEvent.change(input, { target: { value: 'CH-#####' } });
    expect(check()).toBe('Accepts e.g. CH-10482.');
    fireEvent.click(screen.getByTestId('chart-pattern-require'));
    fireEvent.click(save());
    await waitFor(async () =>
      expect(await readSetting(db, 'clinic.chartRule')).toEqual({ pattern: 'CH-#####', require: true }),
    );
    expect((await screen.findByTestId('chart-pattern-note')).textContent).toBe('Saved on this tablet.');
  });

  it('[R1] is not offered to injectors or front desk', async () => {
    await renderWithData(<ChartPatternCard />, { withDemo: true, as: demoPerson('Priya') });
    expect(screen.queryByTestId('chart-pattern-card')).toBeNull();
  });
});
