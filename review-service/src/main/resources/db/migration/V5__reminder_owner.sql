-- Issue #17: a reminder keeps the unit it was addressed to (API.md, Catalog versions, waivers, owners: "items and
-- reminders carry owner when one is set"). A reminder is an event: these are the owner in force when it was created
-- (the open item's owner), never updated when the owner changes later. All NULL when no owner was set; owner_unit is
-- set whenever an owner is (OwnerWrite: unit required, contact optional; both at most 255 characters).
ALTER TABLE reminder
  ADD COLUMN owner_unit VARCHAR(255) NULL,
  ADD COLUMN owner_contact VARCHAR(255) NULL,
  ADD COLUMN owner_region_code VARCHAR(12) NULL;
