package codes

// Code lists of the acknowledgments (TA1, and 999 per 005010X231A1),
// defined by the X12 standard itself.

// InterchangeAckCode is TA104: what became of an interchange.
var InterchangeAckCode = newList("InterchangeAckCode", []Code{
	{"A", "Interchange received with no errors", Active},
	{"E", "Interchange accepted with errors noted; do not resend", Active},
	{"R", "Interchange rejected because of errors", Active},
})

// InterchangeNote is TA105: the envelope error a TA1 reports.
var InterchangeNote = newList("InterchangeNote", []Code{
	{"000", "No error", Active},
	{"001", "Interchange control numbers in header and trailer do not match", Active},
	{"002", "Control standard not supported", Active},
	{"003", "Version of the controls not supported", Active},
	{"004", "Segment terminator invalid", Active},
	{"005", "Invalid interchange ID qualifier for sender", Active},
	{"006", "Invalid interchange sender ID", Active},
	{"007", "Invalid interchange ID qualifier for receiver", Active},
	{"008", "Invalid interchange receiver ID", Active},
	{"009", "Unknown interchange receiver ID", Active},
	{"010", "Invalid authorization information qualifier value", Active},
	{"011", "Invalid authorization information value", Active},
	{"012", "Invalid security information qualifier value", Active},
	{"013", "Invalid security information value", Active},
	{"014", "Invalid interchange date value", Active},
	{"015", "Invalid interchange time value", Active},
	{"016", "Invalid interchange standards identifier value", Active},
	{"017", "Invalid interchange version ID value", Active},
	{"018", "Invalid interchange control number value", Active},
	{"019", "Invalid acknowledgment requested value", Active},
	{"020", "Invalid test indicator value", Active},
	{"021", "Invalid number of included groups value", Active},
	{"022", "Invalid control structure", Active},
	{"023", "Improper (premature) end of file", Active},
	{"024", "Invalid interchange content (e.g. invalid GS segment)", Active},
	{"025", "Duplicate interchange control number", Active},
	{"026", "Invalid data element separator", Active},
	{"027", "Invalid component element separator", Active},
	{"028", "Invalid delivery date in deferred delivery request", Active},
	{"029", "Invalid delivery time in deferred delivery request", Active},
	{"030", "Invalid delivery time code in deferred delivery request", Active},
	{"031", "Invalid grade of service code", Active},
})

// GroupAckCode is AK901: what became of a functional group.
var GroupAckCode = newList("GroupAckCode", []Code{
	{"A", "Accepted", Active},
	{"E", "Accepted, but errors were noted", Active},
	{"M", "Rejected, message authentication code (MAC) failed", Active},
	{"P", "Partially accepted, at least one transaction set was rejected", Active},
	{"R", "Rejected", Active},
	{"W", "Rejected, assurance failed validity tests", Active},
	{"X", "Rejected, content after decryption could not be analyzed", Active},
})

// SetAckCode is IK501: what became of a transaction set.
var SetAckCode = newList("SetAckCode", []Code{
	{"A", "Accepted", Active},
	{"E", "Accepted, but errors were noted", Active},
	{"M", "Rejected, message authentication code (MAC) failed", Active},
	{"R", "Rejected", Active},
	{"W", "Rejected, assurance failed validity tests", Active},
	{"X", "Rejected, content after decryption could not be analyzed", Active},
})

// GroupSyntaxError is AK905-AK909.
var GroupSyntaxError = newList("GroupSyntaxError", []Code{
	{"1", "Functional group not supported", Active},
	{"2", "Functional group version not supported", Active},
	{"3", "Functional group trailer missing", Active},
	{"4", "Group control numbers in header and trailer do not agree", Active},
	{"5", "Number of included transaction sets does not match actual count", Active},
	{"6", "Group control number violates syntax", Active},
	{"10", "Authentication key name unknown", Active},
	{"11", "Encryption key name unknown", Active},
	{"12", "Requested service (authentication or encryption) not available", Active},
	{"13", "Unknown security recipient", Active},
	{"14", "Unknown security originator", Active},
	{"15", "Syntax error in decrypted text", Active},
	{"16", "Security not supported", Active},
	{"17", "Incorrect message length (encryption only)", Active},
	{"18", "Message authentication code failed", Active},
	{"19", "Functional group control number not unique within interchange", Active},
	{"23", "S3E security end segment missing for S3S security start segment", Active},
	{"24", "S3S security start segment missing for S3E security end segment", Active},
	{"25", "S4E security end segment missing for S4S security start segment", Active},
	{"26", "S4S security start segment missing for S4E security end segment", Active},
})

// SetSyntaxError is IK502-IK506.
var SetSyntaxError = newList("SetSyntaxError", []Code{
	{"1", "Transaction set not supported", Active},
	{"2", "Transaction set trailer missing", Active},
	{"3", "Transaction set control numbers in header and trailer do not match", Active},
	{"4", "Number of included segments does not match actual count", Active},
	{"5", "One or more segments in error", Active},
	{"6", "Missing or invalid transaction set identifier", Active},
	{"7", "Missing or invalid transaction set control number", Active},
	{"8", "Authentication key name unknown", Active},
	{"9", "Encryption key name unknown", Active},
	{"10", "Requested service (authentication or encryption) not available", Active},
	{"11", "Unknown security recipient", Active},
	{"12", "Incorrect message length (encryption only)", Active},
	{"13", "Message authentication code failed", Active},
	{"15", "Unknown security originator", Active},
	{"16", "Syntax error in decrypted text", Active},
	{"17", "Security not supported", Active},
	{"18", "Transaction set not in functional group", Active},
	{"19", "Invalid transaction set implementation convention reference", Active},
	{"23", "Transaction set control number not unique within the functional group", Active},
	{"24", "S3E security end segment missing for S3S security start segment", Active},
	{"25", "S3S security start segment missing for S3E security end segment", Active},
	{"26", "S4E security end segment missing for S4S security start segment", Active},
	{"27", "S4S security start segment missing for S4E security end segment", Active},
	{"I5", "Implementation: one or more segments in error", Active},
	{"I6", "Implementation convention not supported", Active},
})

// SegmentSyntaxError is IK304.
var SegmentSyntaxError = newList("SegmentSyntaxError", []Code{
	{"1", "Unrecognized segment ID", Active},
	{"2", "Unexpected segment", Active},
	{"3", "Required segment missing", Active},
	{"4", "Loop occurs over maximum times", Active},
	{"5", "Segment exceeds maximum use", Active},
	{"6", "Segment not in defined transaction set", Active},
	{"7", "Segment not in proper sequence", Active},
	{"8", "Segment has data element errors", Active},
	{"I4", "Implementation \"not used\" segment present", Active},
	{"I6", "Implementation dependent segment missing", Active},
	{"I7", "Implementation loop occurs under minimum times", Active},
	{"I8", "Implementation segment below minimum use", Active},
	{"I9", "Implementation dependent \"not used\" segment present", Active},
})

// ElementSyntaxError is IK403. There is no code 11.
var ElementSyntaxError = newList("ElementSyntaxError", []Code{
	{"1", "Required data element missing", Active},
	{"2", "Conditional required data element missing", Active},
	{"3", "Too many data elements", Active},
	{"4", "Data element too short", Active},
	{"5", "Data element too long", Active},
	{"6", "Invalid character in data element", Active},
	{"7", "Invalid code value", Active},
	{"8", "Invalid date", Active},
	{"9", "Invalid time", Active},
	{"10", "Exclusion condition violated", Active},
	{"12", "Too many repetitions", Active},
	{"13", "Too many components", Active},
	{"I10", "Implementation \"not used\" data element present", Active},
	{"I11", "Implementation too few repetitions", Active},
	{"I12", "Implementation pattern match failure", Active},
	{"I13", "Implementation dependent \"not used\" data element present", Active},
	{"I6", "Code value not used in implementation", Active},
	{"I9", "Implementation dependent data element missing", Active},
})
