// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDemoTemplates } from '../../domain/demo/templates';
import { closeDatabases, demoPerson, renderWithData } from '../../platform/testing';
import { CatalogScreen } from './CatalogScreen';

afterEach(async () => {
  cleanup();
  await closeDatabases();
});

const glabella = buildDemoTemplates().find((t) => t.treatmentArea === 'Glabella')!;
const manager = () => demoPerson('Casey');

async function storedTemplate(db: Awaited<ReturnType<typeof renderWithData>>['db']) {
  return (await db.records.findOne(`treatment_templates:${glabella.id}`).exec())?.toMutableJSON().data;
}

describe('the Templates tab ([TT3])', () => {
  it('[TT3] a manager changes a template’s amount and archives it; a step the product does not draw in is refused', async () => {
    const { db } = await renderWithData(<CatalogScreen />, { withDemo: true, as: manager() });
    fireEvent.click(await screen.findByTestId('catalog-tab-templates'));
    fireEvent.click(await screen.findByTestId(`template-row-${glabella.id}`));
    const amount = screen.getByTestId('template-edit-line-0-amount') as HTMLInputElement;
    expect(amount.value).toBe('20');
    fireEvent.change(amount, { target: { value: '20.25' } });
    fireEvent.click(screen.getByTestId('template-edit-save'));
    expect((await screen.findByTestId('template-edit-message')).textContent).toMatch(/steps of 0.5 U/);
    expect((await storedTemplate(db))?.lines).toEqual(glabella.lines);

    fireEvent.change(amount, { target: { value: '25' } });
    fireEvent.click(screen.getByTestId('template-edit-archived'));
    fireEvent.click(screen.getByTestId('template-edit-save'));
    await waitFor(async () =>
      expect(await storedTemplate(db)).toMatchObject({
        lines: [{ productId: glabella.lines[0]!.productId, quantityMilli: 25_000 }],
        archived: true,
      }),
    );
  });

  it('[TT3] an injector reads the templates with no way to change them', async () => {
    await renderWithData(<CatalogScreen />, { withDemo: true, as: demoPerson('Priya') });
    fireEvent.click(await screen.findByTestId('catalog-tab-templates'));
    fireEvent.click(await screen.findByTestId(`template-row-${glabella.id}`));
    expect(screen.queryByTestId('template-new')).toBeNull();
    expect(screen.queryByTestId('template-edit-save')).toBeNull();
    expect((screen.getByTestId('template-edit-name') as HTMLInputElement).readOnly).toBe(true);
  });
});
