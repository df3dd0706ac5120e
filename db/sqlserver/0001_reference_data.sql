-- Reference data: States, languages, networks, legal bases and the code lists of DOMAIN.md.
-- Rows are seeded from db/seed/reference-data.json by the application (engine-neutral), not here.

CREATE TABLE languages (
    code        nvarchar(3)   NOT NULL PRIMARY KEY,
    name_en     nvarchar(100) NOT NULL,
    name_fr     nvarchar(100) NOT NULL,
    CONSTRAINT ck_languages_code CHECK (code COLLATE Latin1_General_BIN2 = lower(code) AND len(code) BETWEEN 2 AND 3)
);

CREATE TABLE states (
    iso3        char(3)      NOT NULL PRIMARY KEY,
    name_en     nvarchar(100) NOT NULL,
    name_fr     nvarchar(100) NOT NULL,
    CONSTRAINT ck_states_iso3 CHECK (iso3 COLLATE Latin1_General_BIN2 = upper(iso3) AND len(iso3) = 3)
);

-- Languages in which a State accepts requests, in its order of preference.
CREATE TABLE state_languages (
    state_iso3     char(3)    NOT NULL REFERENCES states (iso3),
    language_code  nvarchar(3) NOT NULL REFERENCES languages (code),
    preference     integer    NOT NULL,
    PRIMARY KEY (state_iso3, language_code),
    CONSTRAINT ck_state_languages_preference CHECK (preference >= 1)
);

CREATE TABLE networks (
    code          nvarchar(20)  NOT NULL PRIMARY KEY,
    name_en       nvarchar(200) NOT NULL,
    name_fr       nvarchar(200) NOT NULL,
    founded_year  integer      NOT NULL,
    CONSTRAINT ck_networks_code CHECK (code COLLATE Latin1_General_BIN2 = lower(code))
);

CREATE TABLE network_memberships (
    network_code  nvarchar(20) NOT NULL REFERENCES networks (code),
    state_iso3    char(3)     NOT NULL REFERENCES states (iso3),
    PRIMARY KEY (network_code, state_iso3)
);
CREATE INDEX ix_network_memberships_state ON network_memberships (state_iso3);

CREATE TABLE legal_bases (
    code                nvarchar(60)  NOT NULL PRIMARY KEY,
    name_en             nvarchar(300) NOT NULL,
    name_fr             nvarchar(300) NOT NULL,
    category            nvarchar(20)  NOT NULL,
    applies_to_mla      bit      NOT NULL,
    applies_to_extradition bit   NOT NULL,
    is_active           bit      NOT NULL DEFAULT 1,
    CONSTRAINT ck_legal_bases_category CHECK (category IN ('multilateral', 'bilateral', 'reciprocity'))
);

-- Small fixed code lists (assistance types, offence categories, person roles).
CREATE TABLE assistance_types (
    code     nvarchar(60)  NOT NULL PRIMARY KEY,
    name_en  nvarchar(200) NOT NULL,
    name_fr  nvarchar(200) NOT NULL
);

CREATE TABLE offence_categories (
    code     nvarchar(60)  NOT NULL PRIMARY KEY,
    name_en  nvarchar(200) NOT NULL,
    name_fr  nvarchar(200) NOT NULL
);

CREATE TABLE person_roles (
    code     nvarchar(60)  NOT NULL PRIMARY KEY,
    name_en  nvarchar(200) NOT NULL,
    name_fr  nvarchar(200) NOT NULL
);

-- Refusal grounds differ between MLA and extradition, and share codes such as "other".
CREATE TABLE refusal_grounds (
    applies_to  nvarchar(20)  NOT NULL,
    code        nvarchar(60)  NOT NULL,
    name_en     nvarchar(300) NOT NULL,
    name_fr     nvarchar(300) NOT NULL,
    PRIMARY KEY (applies_to, code),
    CONSTRAINT ck_refusal_grounds_applies_to CHECK (applies_to IN ('mla', 'extradition'))
);

-- Central and other competent authorities. Letterhead lines are newline-separated, printed at the top
-- of the request documents.
CREATE TABLE authorities (
    id           uniqueidentifier          NOT NULL PRIMARY KEY,
    state_iso3   char(3)       NOT NULL REFERENCES states (iso3),
    kind         nvarchar(30)   NOT NULL,
    name         nvarchar(300)  NOT NULL,
    address      nvarchar(500),
    phone        nvarchar(100),
    email        nvarchar(200),
    letterhead   nvarchar(1000),
    CONSTRAINT ck_authorities_kind CHECK (kind IN ('central-authority', 'prosecution', 'court', 'police', 'other'))
);
CREATE INDEX ix_authorities_state ON authorities (state_iso3);
CREATE UNIQUE INDEX ux_authorities_one_central_per_state ON authorities (state_iso3) WHERE kind = 'central-authority';
