// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Product } from '../../domain/model';
import { closeDatabases, demo, demoPerson, renderWithData } from '../../platform/testing';
import { NewProductCard } from './NewProductCard';

afterEach(async () => {
  cleanup();
  await closeDatabases();
});

describe('new product: its draw step [T3]', () => {
  it('says what an empty step means for the chosen unit, and saves the typed step on the product', async () => {
    const casey = demoPerson('Casey');
    const onCreated = vi.fn((_: Product) => undefined);
    await renderWithData(
      <NewProductCard
        gtin="00012345678905"
        orgId={demo.organization.id}
        staff={{ id: casey.id, name: casey.name, role: casey.role }}
        onCreated={onCreated}
      />,
      { withDemo: true, as: casey },
    );
    const input = (field: string) => screen.getByTestId(`new-product-${field}`) as HTMLInputElement;
    fireEvent.change(input('baseUnit'), { target: { value: 'U' } });
    expect(input('drawStep').placeholder).toBe('empty = 0.5 U');
    fireEvent.change(input('baseUnit'), { target: { value: 'mL' } });
    expect(input('drawStep').placeholder).toBe('empty = 0.01 mL');
    fireEvent.change(input('baseUnit'), { target: { value: 'U' } });
    fireEvent.change(input('category'), { target: { value: 'neurotoxin' } });
    fireEvent.change(input('name'), { target: { value: 'Daxxify 100 U' } });
    fireEvent.change(input('containerSize'), { target: { value: '100' } });
    fireEvent.change(input('drawStep'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('new-product-confirm'));
    expect((await screen.findByTestId('new-product-error-drawStep')).textContent).toContain(
      'smallest amount',
    );
    fireEvent.change(input('drawStep'), { target: { value: '1' } });
    fireEvent.click(screen.getByTestId('new-product-confirm'));
    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(onCreated.mock.calls[0]?.[0]).toMatchObject({ name: 'Daxxify 100 U', drawStepMilli: 1000 });
  });
});
