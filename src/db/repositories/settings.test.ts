import { firstValueFrom, filter } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { openTestDatabase } from '../testing';
import { putSetting, readSetting, watchSetting, writeSetting } from './settings';

const enrollment = {
  baseUrl: 'http://server',
  token: 't',
  serverDeviceId: 's',
  orgId: 'o',
  locationIds: ['l1'],
  deviceName: 'Room 1',
};

describe('typed settings', () => {
  it('gives each key its default until written, then the value back', async () => {
    const { db } = await openTestDatabase();
    expect(await readSetting(db, 'scan.muted')).toBe(false);
    expect(await readSetting(db, 'recentProductIds')).toEqual([]);
    expect(await readSetting(db, 'syncEnrollment')).toBeNull();
    await writeSetting(db, 'scan.muted', true);
    await writeSetting(db, 'syncEnrollment', enrollment);
    expect(await readSetting(db, 'scan.muted')).toBe(true);
    expect(await readSetting(db, 'syncEnrollment')).toEqual(enrollment);
    await writeSetting(db, 'syncEnrollment', null);
    expect(await readSetting(db, 'syncEnrollment')).toBeNull();
    await db.close();
  });

  it('reads values stored the way tablets in the field stored them, and an unreadable one as the default', async () => {
    const { db } = await openTestDatabase();
    await putSetting(db, 'syncEnrollment', JSON.stringify(enrollment));
    await putSetting(db, 'favouriteProductIds', JSON.stringify(['a', 7, 'b']));
    await putSetting(db, 'recentProductIds', '{not json');
    expect(await readSetting(db, 'syncEnrollment')).toEqual(enrollment);
    expect(await readSetting(db, 'favouriteProductIds')).toEqual(['a', 'b']);
    expect(await readSetting(db, 'recentProductIds')).toEqual([]);
    await db.close();
  });

  it('watchSetting emits the decoded value after each write', async () => {
    const { db } = await openTestDatabase();
    const written = firstValueFrom(
      watchSetting(db, 'favouriteProductIds').pipe(filter((ids) => ids.length > 0)),
    );
    await writeSetting(db, 'favouriteProductIds', ['x']);
    expect(await written).toEqual(['x']);
    await db.close();
  });

  it('[T8] the chart rule is kept on this tablet; a malformed stored one reads as none', async () => {
    const { db } = await openTestDatabase();
    expect(await readSetting(db, 'clinic.chartRule')).toBeNull();
    await writeSetting(db, 'clinic.chartRule', { pattern: 'CH-#####', require: true });
    expect(await readSetting(db, 'clinic.chartRule')).toEqual({ pattern: 'CH-#####', require: true });
    await putSetting(db, 'clinic.chartRule', JSON.stringify({ pattern: 5 }));
    expect(await readSetting(db, 'clinic.chartRule')).toBeNull();
    await db.close();
  });
});
