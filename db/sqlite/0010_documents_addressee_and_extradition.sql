-- Request documents a central authority signs as they come out (issue 13).
-- Reference data the letters print: each State's nationality adjective per language, the article of each
-- legal basis that applies to MLA and to extradition, and each central authority's official name per
-- language and its city (the place line). Seeded from db/seed/reference-data.json where still null, so an
-- administrator's value is never overwritten.
ALTER TABLE states ADD COLUMN nationality_fr varchar(100);
ALTER TABLE states ADD COLUMN nationality_en varchar(100);
ALTER TABLE states ADD COLUMN nationality_pt varchar(100);
ALTER TABLE legal_bases ADD COLUMN mla_article varchar(60);
ALTER TABLE legal_bases ADD COLUMN extradition_article varchar(60);
ALTER TABLE authorities ADD COLUMN name_fr varchar(300);
ALTER TABLE authorities ADD COLUMN name_en varchar(300);
ALTER TABLE authorities ADD COLUMN name_pt varchar(300);
ALTER TABLE authorities ADD COLUMN city varchar(100);

-- The person sought, as exactly as the ECOWAS Extradition Convention asks (art. 18): null on existing
-- persons, so the record digests sealed before stay valid.
ALTER TABLE request_persons ADD COLUMN physical_description text;
ALTER TABLE request_persons ADD COLUMN aliases varchar(1000);
ALTER TABLE request_persons ADD COLUMN place_of_birth varchar(300);
ALTER TABLE request_persons ADD COLUMN parents_names varchar(500);

-- The text of the law creating the offence and stating its penalty, typed in the request (or annexed).
ALTER TABLE requests ADD COLUMN legal_provisions_text text;

-- What an annex is (translation, photograph, fingerprints, legal provisions, ...): null for older annexes.
ALTER TABLE request_attachments ADD COLUMN annex_type varchar(30);

-- "Prévenu" and "Accusé" are roles of their own now; "accused" is the person charged ("Inculpé").
-- Renamed only where an administrator has not renamed it already.
UPDATE person_roles SET name_fr = 'Inculpé', name_en = 'Charged person' WHERE code = 'accused' AND name_fr = 'Accusé';

-- A frozen document is signed: its sha256 is the hash of the signed bytes served; printed_sha256 is the
-- hash of its content before signing, printed on every page as its verification code.
ALTER TABLE request_documents ADD COLUMN printed_sha256 char(64);
