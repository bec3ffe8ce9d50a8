-- Trading partners as data (decision 0010): everything the gateway needs
-- of a partner is a column, so no partner is wired in code. The columns of
-- 0001 are the partner's IDs; ours, ISA15 usage, the acknowledgment
-- windows and a contact join them. A payer has one partner: its queued
-- claims and authorizations go to that partner alone.
ALTER TABLE trading_partners RENAME COLUMN isa_qualifier TO their_isa_qualifier;
ALTER TABLE trading_partners RENAME COLUMN isa_id TO their_isa_id;
ALTER TABLE trading_partners RENAME COLUMN gs_id TO their_gs_id;
ALTER TABLE trading_partners
	ADD COLUMN our_isa_qualifier text NOT NULL DEFAULT 'ZZ',
	ADD COLUMN our_isa_id        text NOT NULL DEFAULT 'EDIGW',
	ADD COLUMN our_gs_id         text NOT NULL DEFAULT 'EDIGW',
	ADD COLUMN usage             text NOT NULL DEFAULT 'P' CHECK (usage IN ('P', 'T')), -- ISA15 on what edigw sends
	ADD COLUMN ack_999_within    interval NOT NULL DEFAULT '24 hours' CHECK (ack_999_within > '0'),
	ADD COLUMN ack_277ca_within  interval NOT NULL DEFAULT '72 hours' CHECK (ack_277ca_within > '0'),
	ADD COLUMN contact           text NOT NULL DEFAULT '',
	ADD CONSTRAINT trading_partners_one_per_payer UNIQUE (payer_id);
