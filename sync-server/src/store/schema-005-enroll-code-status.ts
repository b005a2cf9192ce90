/**
 * Migration 5: what became of an enrollment code (SPEC [S22]).
 *
 * - `enroll_codes.id`: a random id the admin's tablet asks about. The code itself is stored only as
 *   its SHA-256 ([S1]); a 50-bit code's hash must not travel, so the status route names codes by
 *   this id. Codes made before this migration get one too.
 * - `enroll_codes.used_by_device_id`: the device created with the code, set in the same transaction
 *   that uses it. No foreign key: the code is marked used before the device row is inserted.
 */
export const ENROLL_CODE_STATUS_SQL = `
ALTER TABLE enroll_codes ADD COLUMN id uuid;
UPDATE enroll_codes SET id = gen_random_uuid() WHERE id IS NULL;
ALTER TABLE enroll_codes ALTER COLUMN id SET NOT NULL;
ALTER TABLE enroll_codes ALTER COLUMN id SET DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX enroll_codes_id ON enroll_codes (id);
ALTER TABLE enroll_codes ADD COLUMN used_by_device_id uuid;
`;
