-- REQUIREMENTS.md, "Refinements and additions (second wave)": whether a leader is a member of the party committee at
-- the organisation's own level (是否为同级党委组成人员). SHAOXING-2015 item 27: a township's union headed part-time by
-- such a member meets TOWNSHIP_FULL_TIME_HEADS with a full-time deputy. Existing leaders are not members until corrected.
ALTER TABLE leader ADD COLUMN party_committee_member BOOLEAN NOT NULL DEFAULT FALSE AFTER frontline;
