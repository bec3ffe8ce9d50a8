package canary

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
)

// RecordColumns are the database columns that store the records
// themselves, or copies of their values kept to find and match them:
// they hold a transaction set's values by design (the API serves them to
// the providers entitled to them), and SearchDatabase skips them. Every
// other text, JSON or array column of every table is searched: the
// ledger's reasons, statuses, events, envelope identifiers, and any column
// a later migration adds, until it is listed here with its reason.
var RecordColumns = map[string]string{
	"claims.record":                               "the claim record",
	"claims.patient_control_number":               "CLM01, to match 277CAs and 835s",
	"claims.billing_npi":                          "2010AA NPI: the provider scope",
	"claims.billing_tin":                          "2010AA REF*EI: the provider scope",
	"claims.prior_authorization":                  "REF*G1, to find the authorization",
	"claims.payer_claim_number":                   "the payer's claim number from a 277CA or 835, to match",
	"claims.payer_id":                             "2010BB NM109, the payer the claim names",
	"claim_lines.procedure_qualifier":             "SV101-1 of the claim record",
	"claim_lines.procedure_code":                  "SV101-2 of the claim record",
	"claim_lines.modifiers":                       "SV101-3..6 of the claim record",
	"claim_lines.revenue_code":                    "SV201 of the claim record",
	"claim_lines.units":                           "SV104 of the claim record",
	"claim_lines.place_of_service":                "SV105 of the claim record",
	"claim_lines.line_item_control_number":        "REF*6R of the claim record",
	"authorizations.record":                       "the 278 record",
	"authorizations.patient_last":                 "2010D or 2010C NM103 of the 278 record: the worklist's Patient",
	"authorizations.patient_first":                "2010D or 2010C NM104 of the 278 record: the worklist's Patient",
	"authorizations.member_id":                    "2010C NM109 of the 278 record: the worklist's search (0015)",
	"authorizations.procedure_codes":              "the services' procedure codes of the 278 record: the worklist's Procedure",
	"authorizations.procedure_head":               "the first 20 of them, in the provider indexes",
	"authorizations.place_of_service":             "UM04 of the 278 record: the worklist's Site of Service",
	"authorizations.facility_npi":                 "2010EA FA NPI of the 278 record: the worklist's Site of Service",
	"authorizations.other_npis":                   "the service providers' NPIs the request names: the provider scope",
	"authorizations.trace_number":                 "TRN02, to match a response",
	"authorizations.certification_number":         "HCR02 of the decision",
	"authorizations.requester_npi":                "2010B NPI: the provider scope",
	"authorizations.requester_tin":                "2010B TIN: the provider scope",
	"authorizations.provider_npis":                "the NPIs the request names: the provider scope",
	"authorizations.payer_id":                     "2010A NM109, the payer the request names",
	"authorizations.certification_type":           "UM02 of the 278 record (the kind of request)",
	"authorizations.hold_missing":                 "PWK01 and AAA03 codes of the 278 response: what a hold asks for",
	"authorizations.denial_reasons":               "HCR03 of the 278 response record",
	"authorization_services.payer_id":             "the payer of the request",
	"authorization_services.procedure_qualifier":  "SV1/SV2 of the 278 record",
	"authorization_services.procedure_code":       "SV1/SV2 of the 278 record",
	"authorization_services.revenue_code":         "SV2 of the 278 record",
	"authorization_services.quantity":             "the requested quantity of the 278 record",
	"authorization_services.action":               "HCR01 of the 278 record",
	"authorization_services.certification_number": "HCR02 of the 278 record",
	"authorization_decisions.response":            "the 278 response record",
	"remittances.record":                          "the 835 record",
	"remittances.trace_number":                    "TRN02, the payment's trace",
	"remittances.payment_method":                  "BPR04 of the 835 record",
	"remittances.payee_npi":                       "N1*PE NPI: the provider scope",
	"remittances.payee_tin":                       "REF*TJ: the provider scope",
	"remittances.payer_id":                        "the payer the 835 names",
	"claim_payments.record":                       "the CLP loop of the 835 record",
	"claim_payments.patient_control_number":       "CLP01, to match the claim",
	"claim_payments.payer_claim_number":           "CLP07, to match the claim",
	"claim_payments.status_code":                  "CLP02 of the 835 record",
	"claim_payments.payer_id":                     "the payer the 835 names",
	"service_payments.procedure_qualifier":        "SVC01-1 of the 835 record",
	"service_payments.procedure_code":             "SVC01-2 of the 835 record",
	"service_payments.line_item_control_number":   "REF*6R of the 835 record",
	"adjustments.group_code":                      "CAS01 of the 835 record",
	"adjustments.reason":                          "CAS02 of the 835 record (a CARC, not a message)",
	"adjustments.quantity":                        "CAS04 of the 835 record",
	"acknowledgments.record":                      "the 999/277CA record",
	"acknowledgments.acknowledged":                "what the acknowledgment answers (control numbers, CLM01s), to match",
	"acknowledgments.payer_id":                    "the payer the acknowledgment names",
	// The status-change feed copies what the API feed serves the entitled
	// provider beside each change: the record's reference and its scope.
	"events.reference": "the record's CLM01/TRN02 in the provider's status feed",
	"events.tin":       "the record's provider scope (TIN), to filter the feed",
	"events.npi":       "the record's provider scope (NPI), to filter the feed",
	"events.payer_id":  "the payer the record names, in the feed",
}

// SearchDatabase reads every text, JSON and array column of every table
// in the public schema but RecordColumns and returns where a canary
// occurs, as "table.column: canary", and how many columns it searched.
func SearchDatabase(ctx context.Context, dbURL string, tokens []string) (found []string, searched int, err error) {
	c, err := pgx.Connect(ctx, dbURL)
	if err != nil {
		return nil, 0, err
	}
	defer c.Close(ctx)
	rows, err := c.Query(ctx, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')
		ORDER BY table_name, column_name`)
	if err != nil {
		return nil, 0, err
	}
	var cols [][2]string
	for rows.Next() {
		var t, col string
		if err := rows.Scan(&t, &col); err != nil {
			return nil, 0, err
		}
		if _, skip := RecordColumns[t+"."+col]; !skip {
			cols = append(cols, [2]string{t, col})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	if len(cols) == 0 {
		return nil, 0, fmt.Errorf("canary: no column to search")
	}
	for _, tc := range cols {
		q := fmt.Sprintf("SELECT %s::text FROM %s WHERE %s IS NOT NULL",
			pgx.Identifier{tc[1]}.Sanitize(), pgx.Identifier{tc[0]}.Sanitize(), pgx.Identifier{tc[1]}.Sanitize())
		vals, err := c.Query(ctx, q)
		if err != nil {
			return nil, 0, fmt.Errorf("%s.%s: %w", tc[0], tc[1], err)
		}
		for vals.Next() {
			var v string
			if err := vals.Scan(&v); err != nil {
				vals.Close()
				return nil, 0, err
			}
			for _, tok := range tokens {
				if strings.Contains(v, tok) {
					found = append(found, fmt.Sprintf("%s.%s: %s in %q", tc[0], tc[1], tok, v))
				}
			}
		}
		vals.Close()
		if err := vals.Err(); err != nil {
			return nil, 0, err
		}
	}
	sort.Strings(found)
	return found, len(cols), nil
}
