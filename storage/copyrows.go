package storage

// A COPY's rows are built by a function pgx calls once a row, and pgx
// encodes each row before it asks for the next (eventStage; the claims and
// their lines have a binary COPY of their own, copybinary.go): so one
// []any serves every row, and a nullable column may point into the record
// being copied instead of into a copy of its string on the heap, which
// nullable makes: an allocation an optional value and a row. (Plain values
// stay values: pgx boxes what a pointer points to again as it encodes, so
// a pointer would save nothing.)

// orNull is *s as a COPY value: NULL when empty, else s itself, which
// must stay as it is until the row is encoded.
func orNull(s *string) *string {
	if *s == "" {
		return nil
	}
	return s
}
