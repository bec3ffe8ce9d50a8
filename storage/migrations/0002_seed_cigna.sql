-- The first payer and its trading partner: Cigna Healthcare, payer ID
-- 62308, whose files live under cigna-62308/ in the object store.
INSERT INTO payers (id, name) VALUES ('62308', 'Cigna Healthcare');

INSERT INTO trading_partners (payer_id, name, isa_qualifier, isa_id, gs_id, object_prefix)
VALUES ('62308', 'Cigna Healthcare', 'ZZ', 'CIGNA62308', '62308', 'cigna-62308/');
