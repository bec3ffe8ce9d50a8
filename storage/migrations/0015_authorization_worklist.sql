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
	-- Every requested service's procedure code (2000F SV1/SV2/SV3), a
	-- JSON array: jsonb_path_query_array is built in, where turning it
	-- into text[] takes a SQL function, planned again at every INSERT
	-- (it made storing a 278 request three times slower).
	ADD COLUMN procedure_codes jsonb GENERATED ALWAYS AS
		(jsonb_path_query_array(record, '$.services[*].procedureCode ? (@ != "")')) STORED,
	-- The first 20 services' codes, and whether there are more: what the
	-- provider indexes keep (a request may have any number of services,
	-- and a B-tree entry is at most about 2.7 kB).
	ADD COLUMN procedure_head jsonb GENERATED ALWAYS AS
		(jsonb_path_query_array(record, '$.services[0 to 19].procedureCode ? (@ != "")')) STORED,
	ADD COLUMN procedure_more boolean GENERATED ALWAYS AS (jsonb_path_exists(record, '$.services[20]')) STORED,
	-- Site of service: UM04's place of service code, and the facility's
	-- NPI (2010EA FA with NM108 XX).
	ADD COLUMN place_of_service text GENERATED ALWAYS AS (nullif(record ->> 'placeOfService', '')) STORED,
	ADD COLUMN facility_npi text GENERATED ALWAYS AS
		(jsonb_path_query_first(record, '$.providers[*] ? (@.role == "FA" && @.idQualifier == "XX").id') #>> '{}') STORED,
	-- The scope's NPIs other than the requester's (service providers):
	-- a scoped page walks (requester_npi, id) for the requester and this
	-- small GIN index for the rest.
	ADD COLUMN other_npis text[] GENERATED ALWAYS AS (array_remove(provider_npis, requester_npi)) STORED;

-- A scoped page walks each provider's requests newest first. The INCLUDE
-- columns are the columns a filter or a search reads, so that a tab, a
-- filter or a name is checked in the index without reading the table's
-- rows, and the tab counts are read from the indexes alone: a provider's
-- page or count costs its index entries, whatever the table's size. All
-- are bounded by the 278's element sizes (the guide checks them before
-- anything is stored) and the head's 20 codes, so an entry stays under a
-- B-tree entry's limit (about 2.7 kB); a procedure filter reads the row
-- only of a request with more than 20 services.
CREATE INDEX authorizations_requester_tin ON authorizations (requester_tin, id)
	INCLUDE (requester_npi, status, received_at, place_of_service, facility_npi,
		certification_number, trace_number, member_id, patient_last, patient_first, procedure_head, procedure_more);
CREATE INDEX authorizations_requester_npi ON authorizations (requester_npi, id)
	INCLUDE (requester_tin, status, received_at, place_of_service, facility_npi,
		certification_number, trace_number, member_id, patient_last, patient_first, procedure_head, procedure_more);
-- Partial: most requests name no provider but the requester, and a
-- condition with other_npis <> '{}' lets the planner know how few rows
-- this index holds (a plain && is estimated at a fixed share of the table,
-- and the planner then prefers walking the primary key through it all).
CREATE INDEX authorizations_other_npis ON authorizations USING gin (other_npis) WHERE other_npis <> '{}';
-- An operator's date range (From, To) reads its requests here, then the
-- newest of them.
CREATE INDEX authorizations_received ON authorizations (received_at, id) INCLUDE (status);
-- The search box and the filters find their few rows whatever the scope
-- (then the scope filters them): a bitmap OR of these.
CREATE INDEX authorizations_certification_number ON authorizations (certification_number);
CREATE INDEX authorizations_trace_number ON authorizations (trace_number);
CREATE INDEX authorizations_member_id ON authorizations (member_id);
CREATE INDEX authorizations_patient_last ON authorizations (lower(patient_last) text_pattern_ops);
CREATE INDEX authorizations_patient_first ON authorizations (lower(patient_first) text_pattern_ops);
CREATE INDEX authorizations_procedure_codes ON authorizations USING gin (procedure_codes jsonb_path_ops);
