-- The prior-authorization worklist (GET /v1/authorizations, the console's
-- worklist; decision 0024, docs/benchmarks.md "Authorization worklist").
--
-- The columns a search reads are generated from the record (STORED): they
-- are filled at every insert and kept in step with the record by
-- PostgreSQL itself, whichever path writes it (ingest, the outbound queue,
-- a response applied), and ADD COLUMN fills them for the rows already
-- there. There is no index on status alone: a tab reads the scope's
-- requests newest first until a page fills, and the status is read from
-- the provider indexes (INCLUDE) without visiting the table. (A first
-- decision sets certification_number, indexed since 0001, so that update
-- was never HOT; the INCLUDE columns cost nothing more there.)

-- auth_texts turns a JSON array of strings into text[] (a generated column
-- may not hold a subquery; a function may, when it is immutable).
CREATE FUNCTION auth_texts(j jsonb) RETURNS text[]
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	RETURN coalesce(ARRAY(SELECT jsonb_array_elements_text(coalesce(j, '[]'))), '{}');

ALTER TABLE authorizations
	-- The worklist's Patient: the dependent (2010D) when there is one,
	-- else the subscriber (2010C); member_id is the subscriber's NM109
	-- (the member ID the payer knows).
	ADD COLUMN patient_last text GENERATED ALWAYS AS
		(coalesce(record -> 'patient' ->> 'lastName', record -> 'subscriber' ->> 'lastName')) STORED,
	ADD COLUMN patient_first text GENERATED ALWAYS AS
		(CASE WHEN record -> 'patient' ->> 'lastName' IS NOT NULL THEN record -> 'patient' ->> 'firstName'
		      ELSE record -> 'subscriber' ->> 'firstName' END) STORED,
	ADD COLUMN member_id text GENERATED ALWAYS AS (record -> 'subscriber' ->> 'memberId') STORED,
	-- Every requested service's procedure code (2000F SV1/SV2/SV3).
	ADD COLUMN procedure_codes text[] GENERATED ALWAYS AS
		(auth_texts(jsonb_path_query_array(record, '$.services[*].procedureCode ? (@ != "")'))) STORED,
	-- Site of service: UM04's place of service code, and the facility's
	-- NPI (2010EA FA with NM108 XX).
	ADD COLUMN place_of_service text GENERATED ALWAYS AS (nullif(record ->> 'placeOfService', '')) STORED,
	ADD COLUMN facility_npi text GENERATED ALWAYS AS
		(jsonb_path_query_first(record, '$.providers[*] ? (@.role == "FA" && @.idQualifier == "XX").id') #>> '{}') STORED,
	-- The scope's NPIs other than the requester's (service providers):
	-- a scoped page walks (requester_npi, id) for the requester and this
	-- small GIN index for the rest.
	ADD COLUMN other_npis text[] GENERATED ALWAYS AS (array_remove(provider_npis, requester_npi)) STORED;

-- A scoped page walks each provider's requests newest first; the
-- INCLUDE columns let a filter on status, dates, procedure, ordering NPI
-- or site of service be checked in the index, without reading the
-- table's rows, and the tab counts be read from the indexes alone.
CREATE INDEX authorizations_requester_tin ON authorizations (requester_tin, id)
	INCLUDE (requester_npi, status, received_at, procedure_codes, place_of_service, facility_npi);
CREATE INDEX authorizations_requester_npi ON authorizations (requester_npi, id)
	INCLUDE (requester_tin, status, received_at, procedure_codes, place_of_service, facility_npi);
-- Partial: most requests name no provider but the requester, and a
-- condition with other_npis <> '{}' lets the planner know how few rows
-- this index holds (a plain && is estimated at a fixed share of the table,
-- and the planner then prefers walking the primary key through it all).
CREATE INDEX authorizations_other_npis ON authorizations USING gin (other_npis) WHERE other_npis <> '{}';
-- An operator's date range (From, To) reads its requests here, then the
-- newest of them.
CREATE INDEX authorizations_received ON authorizations (received_at, id) INCLUDE (status, procedure_codes);
-- The search box and the filters find their few rows whatever the scope
-- (then the scope filters them): a bitmap OR of these.
CREATE INDEX authorizations_certification_number ON authorizations (certification_number);
CREATE INDEX authorizations_trace_number ON authorizations (trace_number);
CREATE INDEX authorizations_member_id ON authorizations (member_id);
CREATE INDEX authorizations_patient_last ON authorizations (lower(patient_last) text_pattern_ops);
CREATE INDEX authorizations_patient_first ON authorizations (lower(patient_first) text_pattern_ops);
CREATE INDEX authorizations_procedure_codes ON authorizations USING gin (procedure_codes);
