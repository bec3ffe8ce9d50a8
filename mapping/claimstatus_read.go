package mapping

// claimStatusMapper is the mapper of 276 and 277 (X212) sets. Until their
// records are read, none: a claim status set is validated and acknowledged,
// and no 277CA is read from a 277 of another guide.
func (m *Mapper) claimStatusMapper() setMapper { return nil }
