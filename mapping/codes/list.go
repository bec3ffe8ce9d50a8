package codes

// Status says whether a code may still be used in new files.
type Status uint8

const (
	// Active codes are current in their list.
	Active Status = iota
	// Retired codes have a stop date: new files must not use them, but
	// files from before that date do.
	Retired
)

func (s Status) String() string {
	if s == Retired {
		return "retired"
	}
	return "active"
}

// A Code is one entry of a list: the value as it appears in the file and a
// short description.
type Code struct {
	Value       string
	Description string
	Status      Status
}

// A List is one code list: code -> short description. The zero List is
// empty; lists are made by this package and are read-only.
type List struct {
	name  string
	codes []Code
	index map[string]int32
}

// newList indexes codes by value. A value listed twice keeps its last entry
// here; TestListsHaveNoDuplicates catches that before it ships.
func newList(name string, codes []Code) *List {
	l := &List{name: name, codes: codes, index: make(map[string]int32, len(codes))}
	for i, c := range codes {
		l.index[c.Value] = int32(i)
	}
	return l
}

// Name is the list's short name, e.g. "CARC".
func (l *List) Name() string { return l.name }

// Lookup returns the entry for code. Codes are compared exactly: X12 code
// values are case-sensitive and carry no padding.
func (l *List) Lookup(code string) (Code, bool) {
	i, ok := l.index[code]
	if !ok {
		return Code{}, false
	}
	return l.codes[i], true
}

// Describe returns the short description of code, or "" when the list does
// not know it.
func (l *List) Describe(code string) string {
	if i, ok := l.index[code]; ok {
		return l.codes[i].Description
	}
	return ""
}

// Has says whether code is in the list, retired codes included.
func (l *List) Has(code string) bool {
	_, ok := l.index[code]
	return ok
}

// Active says whether code is in the list and not retired: what a file
// written today may use.
func (l *List) Active(code string) bool {
	i, ok := l.index[code]
	return ok && l.codes[i].Status == Active
}

// Len is the number of codes, retired ones included.
func (l *List) Len() int { return len(l.index) }

// Codes returns a copy of the entries in the maintainer's order.
func (l *List) Codes() []Code {
	out := make([]Code, len(l.codes))
	copy(out, l.codes)
	return out
}

// Lists returns every list of the package, for tools that show or check
// them all.
func Lists() []*List {
	return []*List{
		CARC, RARC, AdjustmentGroup, ClaimStatus, ClaimFilingIndicator,
		PaymentMethod, ProviderAdjustmentReason, PlaceOfService,
		ClaimFrequency, DiagnosisQualifier, ProcedureQualifier, UnitBasis, Gender,
		HCRAction, UMRequestCategory, CertificationType, ServiceType,
		ClaimStatusCategory, ClaimStatusCode, EntityIdentifier,
		InterchangeAckCode, InterchangeNote, GroupAckCode, SetAckCode,
		GroupSyntaxError, SetSyntaxError, SegmentSyntaxError, ElementSyntaxError,
	}
}
