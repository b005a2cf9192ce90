/** Staff on this tablet, for the PIN sign-in. */
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { ChairsideDatabase, StaffDoc } from '../collections';

export function watchStaff(db: ChairsideDatabase): Observable<StaffDoc[]> {
  return db.staff.find({ sort: [{ name: 'asc' }] }).$.pipe(map((docs) => docs.map((d) => d.toMutableJSON())));
}

export async function listStaff(db: ChairsideDatabase): Promise<StaffDoc[]> {
  return (await db.staff.find().exec()).map((d) => d.toMutableJSON());
}

export async function findStaff(db: ChairsideDatabase, id: string): Promise<StaffDoc | null> {
  const doc = await db.staff.findOne(id).exec();
  return doc ? doc.toMutableJSON() : null;
}
