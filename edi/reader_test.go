package edi_test

import (
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/edigw/edigw/edi"
)

const isaStd = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *260115*1030*^*00501*000000001*0*T*:~"

// minimal is a sound one-set interchange with the standard delimiters.
const minimal = isaStd +
	"GS*HC*SENDER*RECEIVER*20260115*1030*1*X*005010X222A1~" +
	"ST*837*0001*005010X222A1~" +
	"BHT*0019*00*1*20260115*1030*CH~" +
	"NM1*IL*1*ISAAC*JOHN~" +
	"SE*4*0001~GE*1*1~IEA*1*000000001~"

type readSeg struct {
	id  string
	raw string
	pos edi.Position
}

func readString(t *testing.T, in string) ([]readSeg, []*edi.Error) {
	t.Helper()
	rd := edi.NewReader(strings.NewReader(in))
	var segs []readSeg
	var errs []*edi.Error
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return segs, errs
		}
		if err != nil {
			var e *edi.Error
			if !errors.As(err, &e) {
				t.Fatalf("unexpected error type %T: %v", err, err)
			}
			errs = append(errs, e)
			if e.Fatal {
				if _, again := rd.Next(); again != err {
					t.Fatalf("fatal error not sticky: %v then %v", err, again)
				}
				return segs, errs
			}
			continue
		}
		segs = append(segs, readSeg{id: s.ID(), raw: string(s.Raw()), pos: s.Pos})
	}
}

func ids(segs []readSeg) string {
	var b []string
	for _, s := range segs {
		b = append(b, s.id)
	}
	return strings.Join(b, " ")
}

func TestReaderToleratesRealWorldLayout(t *testing.T) {
	const want = "ISA GS ST BHT NM1 SE GE IEA"
	cases := map[string]string{
		"plain":                               minimal,
		"CRLF after each":                     strings.ReplaceAll(minimal, "~", "~\r\n"),
		"LF after each":                       strings.ReplaceAll(minimal, "~", "~\n"),
		"BOM":                                 "\xEF\xBB\xBF" + minimal,
		"leading blank lines and indentation": "\n\n  " + strings.ReplaceAll(minimal, "~", "~\n    "),
		"newline as terminator":               strings.ReplaceAll(minimal, "~", "\n"),
		"CRLF as terminator":                  strings.ReplaceAll(minimal, "~", "\r\n"),
		"pipe element separator":              strings.ReplaceAll(minimal, "*", "|"),
		"> element, ^ component":              strings.NewReplacer("*", ">", ":", "^", "^", "{").Replace(minimal),
		"one byte at a time":                  minimal, // read through iotest.OneByteReader below
	}
	for name, in := range cases {
		t.Run(name, func(t *testing.T) {
			var r io.Reader = strings.NewReader(in)
			if name == "one byte at a time" {
				r = iotest.OneByteReader(r)
			}
			rd := edi.NewReader(r)
			var got []string
			for {
				s, err := rd.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, s.ID())
				if s.ID() == "NM1" && string(s.Element(3)) != "ISAAC" {
					t.Errorf("NM103 = %q, want ISAAC", s.Element(3))
				}
			}
			if strings.Join(got, " ") != want {
				t.Errorf("segments %q, want %q", strings.Join(got, " "), want)
			}
		})
	}
}

func TestReaderPositions(t *testing.T) {
	in := strings.ReplaceAll(minimal, "~", "~\n")
	segs, errs := readString(t, in)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	nm1 := segs[4]
	if nm1.id != "NM1" || nm1.pos.Index != 5 || nm1.pos.Line != 5 || nm1.pos.SetIndex != 3 ||
		nm1.pos.Interchange != "000000001" || nm1.pos.Group != "1" || nm1.pos.Set != "0001" {
		t.Errorf("NM1 position %+v", nm1.pos)
	}
	if want := int64(strings.Index(in, "NM1")); nm1.pos.Offset != want {
		t.Errorf("NM1 offset %d, want %d", nm1.pos.Offset, want)
	}
	se, ge := segs[5], segs[6]
	if se.pos.SetIndex != 4 || se.pos.Set != "0001" {
		t.Errorf("SE position %+v: SE belongs to its set", se.pos)
	}
	if ge.pos.SetIndex != 0 || ge.pos.Set != "" || ge.pos.Group != "1" {
		t.Errorf("GE position %+v: after SE the set is closed", ge.pos)
	}
}

func TestReaderElementsComponentsRepetitions(t *testing.T) {
	in := isaStd + "GS*HC*S*R*20260115*1030*1*X*005010X222A1~ST*837*0001~HI*ABK:E119*ABF:I10~SV1*HC:99213:25*125*UN*1***1:2~PER*IC*A^B^C*TE~SE*5*0001~GE*1*1~IEA*1*000000001~"
	rd := edi.NewReader(strings.NewReader(in))
	var sv1, hi, per *edi.Segment
	for {
		s, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch s.ID() {
		case "SV1":
			sv1 = s.Clone()
		case "HI":
			hi = s.Clone()
		case "PER":
			per = s.Clone()
		}
	}
	if got := string(sv1.Component(1, 2)); got != "99213" {
		t.Errorf("SV101-2 = %q", got)
	}
	if got := string(sv1.Component(1, 3)); got != "25" {
		t.Errorf("SV101-3 = %q", got)
	}
	if sv1.Component(1, 4) != nil {
		t.Errorf("SV101-4 should be absent")
	}
	if got := string(sv1.Component(7, 2)); got != "2" {
		t.Errorf("SV107-2 = %q", got)
	}
	if sv1.Len() != 7 || sv1.Element(8) != nil || len(sv1.Element(5)) != 0 {
		t.Errorf("SV1 has %d elements; SV105 %q", sv1.Len(), sv1.Element(5))
	}
	if got := string(hi.Component(2, 2)); got != "I10" {
		t.Errorf("HI02-2 = %q", got)
	}
	reps := per.Repetitions(2)
	if len(reps) != 3 || string(reps[2]) != "C" {
		t.Errorf("PER02 repetitions %q", reps)
	}
}

func TestReaderSeveralInterchangesWithDifferentDelimiters(t *testing.T) {
	second := strings.NewReplacer("*", "|", ":", ">", "~", "\n", "000000001", "000000002").Replace(minimal)
	segs, errs := readString(t, minimal+"\r\n"+second)
	if len(errs) != 0 {
		t.Fatal(errs)
	}
	if len(segs) != 16 {
		t.Fatalf("%d segments, want 16", len(segs))
	}
	if segs[8].id != "ISA" || segs[12].pos.Interchange != "000000002" || segs[12].raw != "NM1|IL|1|ISAAC|JOHN" {
		t.Errorf("second interchange: %+v", segs[12])
	}
}

func TestReaderSkipsProseBeforeISA(t *testing.T) {
	in := "Business scenario 1\r\nThe ISA segment below starts the file. ISA/IEA pair.\r\n\r\n" + minimal
	segs, errs := readString(t, in)
	if len(errs) != 1 || errs[0].Fatal || errs[0].Code != edi.TA1InvalidControlStructure || errs[0].Pos.Offset != 0 {
		t.Fatalf("errors %v", errs)
	}
	if !strings.Contains(errs[0].Msg, "bytes of text before the ISA") {
		t.Errorf("message %q", errs[0].Msg)
	}
	if ids(segs) != "ISA GS ST BHT NM1 SE GE IEA" || segs[0].pos.Line != 4 {
		t.Errorf("segments %q, ISA on line %d", ids(segs), segs[0].pos.Line)
	}
}

func TestReaderFatalErrors(t *testing.T) {
	cases := []struct {
		name, in string
		code     edi.Code
		msg      string
	}{
		{"empty", "", edi.TA1InvalidControlStructure, "empty input"},
		{"only whitespace", " \r\n\t", edi.TA1InvalidControlStructure, "no ISA"},
		{"bare ST", "ST*835*0001~BPR*I~SE*3*0001~", edi.TA1InvalidControlStructure, "no ISA"},
		{"short ISA", "ISA*00*    *00~GS*HC~", edi.TA1PrematureEndOfFile, "cut short"},
		{"ISA without terminator", isaStd[:len(isaStd)-2], edi.TA1PrematureEndOfFile, "no component separator"},
		{"alphanumeric terminator", isaStd[:len(isaStd)-1] + "X", edi.TA1InvalidSegmentTerminator, "segment terminator"},
		{"component equals element separator", strings.Replace(isaStd, "*:~", "**~", 1), edi.TA1InvalidComponentSep, "ISA16"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, errs := readString(t, c.in)
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			e := errs[len(errs)-1]
			if !e.Fatal || e.Code != c.code || !strings.Contains(e.Msg, c.msg) {
				t.Errorf("got %v (fatal %v), want %v containing %q", e, e.Fatal, c.code, c.msg)
			}
		})
	}
}

func TestReaderUnterminatedLastSegment(t *testing.T) {
	in := strings.TrimSuffix(minimal, "~")
	segs, errs := readString(t, in)
	if ids(segs) != "ISA GS ST BHT NM1 SE GE IEA" {
		t.Fatalf("segments %q", ids(segs))
	}
	if len(errs) != 1 || errs[0].Fatal || errs[0].Code != edi.TA1PrematureEndOfFile || errs[0].SegmentID != "IEA" {
		t.Fatalf("errors %v", errs)
	}
}

func TestReaderSegmentTooLong(t *testing.T) {
	in := isaStd + "GS*" + strings.Repeat("X", 5000)
	rd := edi.NewReader(strings.NewReader(in))
	rd.MaxSegmentSize = 1024
	var err error
	for err == nil {
		_, err = rd.Next()
	}
	if !edi.IsFatal(err) || !strings.Contains(err.Error(), "maximum segment size") {
		t.Fatalf("got %v", err)
	}
}

func TestReaderIOErrorIsReported(t *testing.T) {
	boom := errors.New("disk on fire")
	rd := edi.NewReader(io.MultiReader(strings.NewReader(minimal[:200]), iotest.ErrReader(boom)))
	var err error
	for err == nil {
		_, err = rd.Next()
	}
	if !errors.Is(err, boom) || !edi.IsFatal(err) {
		t.Fatalf("got %v, want the I/O error", err)
	}
}

func TestReaderResetReusesBuffers(t *testing.T) {
	rd := edi.NewReader(strings.NewReader(minimal))
	for {
		if _, err := rd.Next(); err != nil {
			break
		}
	}
	rd.Reset(strings.NewReader(minimal))
	s, err := rd.Next()
	if err != nil || s.ID() != "ISA" || s.Pos.Index != 1 || s.Pos.Offset != 0 {
		t.Fatalf("after Reset: %v %v", s, err)
	}
	allocs := testing.AllocsPerRun(20, func() {
		rd.Reset(strings.NewReader(minimal))
		for {
			if _, err := rd.Next(); err != nil {
				break
			}
		}
	})
	// Control number strings (ISA13, GS06, ST02) are the only allocations.
	if allocs > 6 {
		t.Errorf("%.0f allocations per file, want at most 6", allocs)
	}
}
