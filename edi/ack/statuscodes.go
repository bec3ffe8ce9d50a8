package ack

import (
	"strconv"

	"github.com/edigw/edigw/edi"
)

// A 277CA rejects a claim for a guide error with status A3:21 (missing or
// invalid information), and code 21 asks for at least one other status
// code that names the data in error (X12 code source 508, note on 21
// since 2008). STC12 free text may not do it: X214 allows STC12 only
// with status code 448. This table names the data: for an element error
// (IK403) by segment and element position, for a segment error (IK304) by
// segment, and 481 (claim/submission format is invalid) when neither
// names anything more precise. docs/decisions/0021 lists it for people.

// elementStatus is the claim status code of an element in error: key
// "SEG" + two-digit position, with "-" + component for a composite's part.
var elementStatus = map[string]string{
	// 2300 claim information
	"CLM02":   "178", // submitted charges
	"CLM05-1": "249", // place of service
	"CLM05-2": "567", // facility code qualifier
	"CLM05-3": "535", // claim frequency code
	"CLM07":   "589", // provider accept assignment code
	"CLM08":   "360", // benefits assignment certification indicator
	"CLM09":   "333", // patient release of information authorization
	"CL101":   "231", // hospital admission type
	"CL102":   "229", // hospital admission source
	"NTE02":   "704", // claim note text (586 on a line: statusCode)
	// 2400 service lines (SV1 professional, SV2 institutional, SV3 dental):
	// 454 procedure code for services rendered, 453 its modifiers, 178
	// submitted charges, 476 units of service, 249 place of service, 477
	// diagnosis code pointer, 455 revenue code
	"SV101-1": "454", "SV101-2": "454",
	"SV101-3": "453", "SV101-4": "453", "SV101-5": "453", "SV101-6": "453",
	"SV102": "178", "SV104": "476", "SV105": "249",
	"SV107-1": "477", "SV107-2": "477", "SV107-3": "477", "SV107-4": "477",
	"SV201":   "455",
	"SV202-1": "454", "SV202-2": "454",
	"SV202-3": "453", "SV202-4": "453", "SV202-5": "453", "SV202-6": "453",
	"SV203": "178", "SV205": "476",
	"SV301-1": "454", "SV301-2": "454",
	"SV301-3": "453", "SV301-4": "453", "SV301-5": "453", "SV301-6": "453",
	"SV302": "178", "SV303": "249",
	// names and addresses of any entity (the entity goes in STC10-3)
	"NM103": "504", // entity's last (or organization) name
	"NM104": "505", // entity's first name
	"NM105": "514", // entity's middle name
	"NM109": "153", // entity's id number (NPI and member ID: see nm109Status)
	"N301":  "503", // entity's street address
	"N302":  "503",
	"N401":  "502", // entity's city
	"N402":  "501", // entity's state/province
	"N403":  "500", // entity's postal/ZIP code
	"N404":  "126", // entity's address
	"DMG02": "158", // entity's date of birth
	"DMG03": "157", // entity's gender
	"PRV03": "145", // entity's specialty/taxonomy code
	// subscriber
	"SBR02": "156", // patient relationship to subscriber
	"SBR03": "163", // entity's policy number
	"SBR09": "480", // entity's claim filing indicator
	"PAT01": "156",
}

// segmentStatus is the claim status code of a segment in error (missing,
// unexpected, or an element error the table above does not name).
var segmentStatus = map[string]string{
	"CLM": "481", // the claim itself: its format
	"HI":  "255", // diagnosis code
	"SV1": "454", "SV2": "455", "SV3": "454",
	"NM1": "124", // entity's name, address, phone and id number
	"N3":  "503", "N4": "126",
	"DMG": "173", // entity's demographics
	"PRV": "145",
	"SBR": "480",
	"NTE": "704",
}

// loopEntity is the entity (STC01-3, STC10-3) a loop of the 837 guides is
// about, where the loop alone says it; the provider loops 2310 and 2420
// differ between 837P and 837I and are left without one.
var loopEntity = map[string]string{
	"2000A": "85", "2010AA": "85", // billing provider
	"2010AB": "87",                // pay-to provider
	"2010BA": "IL", "2000B": "IL", // subscriber
	"2010BB": "PR",                // payer
	"2010CA": "QC", "2000C": "QC", // patient
}

// dataStatus is the status composite (category A3) that names the data of
// a guide error: status code and, when the loop says it, the entity.
func dataStatus(e *edi.Error) []string {
	code := statusCode(e)
	if ent := loopEntity[e.Loop]; ent != "" {
		return []string{"A3", code, ent}
	}
	return []string{"A3", code}
}

// statusCode is the claim status code that names the data of e.
func statusCode(e *edi.Error) string {
	id := e.SegmentID
	if e.Element > 0 {
		key := id + pad2(e.Element)
		if e.Component > 0 {
			if c, ok := elementStatus[key+"-"+strconv.Itoa(e.Component)]; ok {
				return c
			}
		}
		switch {
		case key == "NM109" && isProviderLoop(e.Loop):
			return "562" // entity's national provider identifier
		case key == "NM109" && e.Loop == "2010BA":
			return "164" // entity's contract/member number
		case key == "NTE02" && e.Loop == "2400":
			return "586" // line note text
		case key == "REF02" && e.Loop == "2010AA":
			return "128" // entity's tax id
		}
		if c, ok := elementStatus[key]; ok {
			return c
		}
	}
	switch {
	case id == "DTP" && e.Loop == "2400":
		return "187" // date(s) of service
	case id == "REF" && e.Loop == "2010AA":
		return "128"
	}
	if c, ok := segmentStatus[id]; ok {
		return c
	}
	return "481" // claim/submission format is invalid
}

// isProviderLoop reports whether a loop names a provider, whose NM109 is
// an NPI: billing and pay-to (2010AA, 2010AB), the claim's and the line's
// providers (2310x, 2420x).
func isProviderLoop(loop string) bool {
	return loop == "2010AA" || loop == "2010AB" ||
		len(loop) == 5 && (loop[:4] == "2310" || loop[:4] == "2420")
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}
