import { describe, it } from 'vitest';
import { buildDemoClinic } from '../../src/domain/demo/clinic';
import { clickTestId, openApp, waitForReady, waitForServiceWorker, waitForText } from './support/app';
import { useHarness } from './support/harness';
import { goOffline } from './support/network';

const DEMO_PRODUCTS = String(buildDemoClinic('2025-01-01').products.length);

describe('local database', () => {
  const h = useHarness();

  it(`[DB1] the local database survives a reload (demo clinic: ${DEMO_PRODUCTS} products)`, async () => {
    const { context, page } = await h.newPage();
    await openApp(page, h.server.url);
    await waitForServiceWorker(page);
    await clickTestId(page, 'nav-settings');
    await waitForText(page, 'local-product-count', '0');
    await clickTestId(page, 'load-demo');
    await waitForText(page, 'local-product-count', DEMO_PRODUCTS);

    await page.reload();
    await waitForReady(page);
    await clickTestId(page, 'nav-settings');
    await waitForText(page, 'local-product-count', DEMO_PRODUCTS);

    await goOffline(context, h.server);
    await page.reload();
    await waitForReady(page);
    await clickTestId(page, 'nav-settings');
    await waitForText(page, 'local-product-count', DEMO_PRODUCTS);
  });
});
