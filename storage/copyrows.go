package storage

// A COPY's rows are built by a function pgx calls once a row, and pgx
// encodes each row before it asks for the next (insertClaims, eventStage):
// so one []any serves every row, and its values may point into the record
// being copied or into variables the function reuses. Boxing a string, a
// number or a date into an interface, or copying a string to the heap as
// nullable does, costs an allocation a column and a row: some 30 a claim
// with its lines, and half a million for a 100,000-claim file's events.

// orNull is *s as a COPY value: NULL when empty, else s itself, which
// must stay as it is until the row is encoded.
func orNull(s *string) *string {
	if *s == "" {
		return nil
	}
	return s
}
