-- Request documents a central authority signs as they come out (issue 13).
-- Reference data the letters print: each State's nationality adjective per language, the article of each
-- legal basis that applies to MLA and to extradition, and each central authority's official name per
-- language and its city (the place line). Seeded from db/seed/reference-data.json where still null, so an
-- administrator's value is never overwritten.
ALTER TABLE states ADD nationality_fr nvarchar(100) NULL;
ALTER TABLE states ADD nationality_en nvarchar(100) NULL;
ALTER TABLE states ADD nationality_pt nvarchar(100) NULL;
ALTER TABLE legal_bases ADD mla_article nvarchar(60) NULL;
ALTER TABLE legal_bases ADD extradition_article nvarchar(60) NULL;
ALTER TABLE authorities ADD name_fr nvarchar(300) NULL;
ALTER TABLE authorities ADD name_en nvarchar(300) NULL;
ALTER TABLE authorities ADD name_pt nvarchar(300) NULL;
ALTER TABLE authorities ADD city nvarchar(100) NULL;

-- The person sought, as exactly as the ECOWAS Extradition Convention asks (art. 18): null on existing
-- persons, so the record digests sealed before stay valid.
ALTER TABLE request_persons ADD physical_description nvarchar(max) NULL;
ALTER TABLE request_persons ADD aliases nvarchar(1000) NULL;
ALTER TABLE request_persons ADD place_of_birth nvarchar(300) NULL;
ALTER TABLE request_persons ADD parents_names nvarchar(500) NULL;

-- The text of the law creating the offence and stating its penalty, typed in the request (or annexed).
ALTER TABLE requests ADD legal_provisions_text nvarchar(max) NULL;

-- What an annex is (translation, photograph, fingerprints, legal provisions, ...): null for older annexes.
ALTER TABLE request_attachments ADD annex_type nvarchar(30) NULL;

-- "Prévenu" and "Accusé" are roles of their own now; "accused" is the person charged ("Inculpé").
-- Renamed only where an administrator has not renamed it already.
UPDATE person_roles SET name_fr = N'Inculpé', name_en = N'Charged person' WHERE code = N'accused' AND name_fr = N'Accusé';

-- A frozen document is signed: its sha256 is the hash of the signed bytes served; printed_sha256 is the
-- hash of its content before signing, printed on every page as its verification code.
ALTER TABLE request_documents ADD printed_sha256 char(64) NULL;
