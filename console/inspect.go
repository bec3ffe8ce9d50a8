package console

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/mapping"
)

// The file inspector reads a file through the same chain the pipeline
// judges it with (mapping.NewChain: the guide, the business rules, the
// payer's authorization rules), and keeps a window of its segments for
// the page, each with its loop and its elements' names from the guide,
// and every error at the segment and element it names. Memory is the
// window plus the errors kept, whatever the file's size.
//
// A stored file is read only up to its window (the walk stops a little
// after it, and what the stop itself would raise lies past the window and
// is dropped): a page costs what the segments before its window cost,
// not the whole file (docs/benchmarks.md). Its acknowledgments, linked on
// the page, answered for the whole file. An upload is read whole, every
// error listed.

const (
	segmentsPerPage = 500
	maxErrorsShown  = 500
)

type inspection struct {
	Name       string
	Segments   []segmentView
	Errors     []errorView
	ErrorCount int
	Fatal      string
	Total      int
	From, To   int // the window, segment numbers in the file
	Next, Prev int // the windows before and after (0: none)
	// Partial: the walk stopped after the window; ErrorCount and the
	// errors are those of the segments up to its end.
	Partial bool
}

// stopReader ends its input (io.EOF) once stop is set.
type stopReader struct {
	r    io.Reader
	stop *bool
}

func (s stopReader) Read(p []byte) (int, error) {
	if *s.stop {
		return 0, io.EOF
	}
	return s.r.Read(p)
}

type segmentView struct {
	Index    int
	ID       string
	Name     string
	Loop     string // the loop path (2000A/2010AA), or "header"
	LoopName string
	Elements []elementView
	Errors   []errorView
}

type elementView struct {
	Pos   int
	Sep   string
	Text  string
	Title string
	Err   bool
}

type errorView struct {
	Segment   int
	SegmentID string
	Element   string // "NM109", "CLM05-3"
	Code      string // "IK403=7", "TA105=022", "STC01=A7:562:85"
	Loop      string
	Msg       string
	InWindow  bool // the segment is on the page (a link to it)
	elem      int
}

// inspect reads a file and keeps segments from..from+segmentsPerPage-1.
// open gives the file's bytes, once for the chain and once more when the
// window holds envelope segments (ISA, GS, GE, IEA), which the chain
// checks but does not hand to its handlers.
// whole reads the file to its end, for an upload.
func inspect(ctx context.Context, open func() (io.ReadCloser, error), name string, from int, whole bool,
	lookup mapping.AuthorizationLookup) (*inspection, error) {
	if from < 1 {
		from = 1
	}
	in, err := open()
	if err != nil {
		return nil, err
	}
	defer in.Close()
	insp := &inspection{Name: name, From: from}
	last := from + segmentsPerPage - 1
	stop := false
	collect := ig.Funcs{OnSegment: func(ev *ig.Event) {
		i := ev.Seg.Pos.Index
		insp.Total = max(insp.Total, i)
		if i > last && !whole {
			stop = true
		}
		if i < from || i > last {
			return
		}
		insp.Segments = append(insp.Segments, segmentOf(ev))
	}}
	h := mapping.Handlers{Context: ctx}
	if lookup != nil {
		h.AuthorizationLookup = lookup
	}
	mapper, chain := mapping.NewChain(name, h, collect)
	v := &ig.Validator{File: name, MaxErrors: maxErrorsShown, ForgetSets: true, Handlers: chain}
	res, err := mapper.Finish(v.Run(stopReader{r: in, stop: &stop}))
	if err != nil {
		return nil, err
	}
	rep := res.Report
	errs := rep.Errors
	insp.ErrorCount = rep.ErrorCount
	if rep.Fatal != nil {
		insp.Fatal = rep.Fatal.Msg
	}
	insp.Total = max(insp.Total, rep.Summary.Segments)
	if stop {
		insp.Partial, insp.Fatal, errs = true, "", nil
		for _, e := range rep.Errors {
			if e.Pos.Index <= last {
				errs = append(errs, e)
			}
		}
		insp.ErrorCount = len(errs)
		insp.Total = last + 1 // at least
	}
	if want := min(last, insp.Total) - from + 1; len(insp.Segments) < want {
		if err := addEnvelopes(insp, open, last); err != nil {
			return nil, err
		}
	}
	bySegment := map[int]int{}
	for i := range insp.Segments {
		bySegment[insp.Segments[i].Index] = i
	}
	for _, e := range errs {
		ev := errorOf(e)
		i, ok := bySegment[ev.Segment]
		ev.InWindow = ok
		insp.Errors = append(insp.Errors, ev)
		if ok {
			seg := &insp.Segments[i]
			seg.Errors = append(seg.Errors, ev)
			if ev.elem > 0 && ev.elem <= len(seg.Elements) {
				seg.Elements[ev.elem-1].Err = true
			}
		}
	}
	insp.To = from + len(insp.Segments) - 1
	if from > 1 {
		insp.Prev = max(1, from-segmentsPerPage)
	}
	if insp.Total > last {
		insp.Next = last + 1
	}
	return insp, nil
}

func segmentOf(ev *ig.Event) segmentView {
	seg := ev.Seg
	sv := segmentView{Index: seg.Pos.Index, ID: seg.ID()}
	def := ev.Match.Def
	if def != nil {
		sv.Name = def.Name
	}
	if ev.Walker != nil {
		sv.Loop = ev.Walker.Path()
		if sv.Loop == "" && def != nil {
			sv.Loop = "header"
		}
	}
	if ev.Match.Loop != nil {
		sv.LoopName = ev.Match.Loop.Name
	}
	sep := string(seg.Delimiters().Element)
	// The segment's elements up to its last present one, each with its
	// name from the guide as its title.
	for i := 1; i <= seg.Len(); i++ {
		el := elementView{Pos: i, Sep: sep, Text: seg.String(i)}
		ref := fmt.Sprintf("%s%02d", seg.ID(), i)
		if def != nil && i <= len(def.Elements) {
			e := def.Elements[i-1]
			el.Title = ref + " " + e.Name
			if e.Ref != "" {
				el.Title += " (" + e.Ref + ")"
			}
		} else {
			el.Title = ref
		}
		sv.Elements = append(sv.Elements, el)
	}
	return sv
}

func errorOf(e *edi.Error) errorView {
	ev := errorView{Segment: e.Pos.Index, SegmentID: e.SegmentID, Code: e.Code.String(), Loop: e.Loop, Msg: e.Msg,
		elem: e.Element}
	if e.Element > 0 && e.SegmentID != "" {
		ev.Element = fmt.Sprintf("%s%02d", e.SegmentID, e.Element)
		if e.Component > 0 {
			ev.Element += fmt.Sprintf("-%d", e.Component)
		}
	}
	ev.Msg = strings.TrimSpace(ev.Msg)
	return ev
}

// envelopeNames are the segments outside sets, which no guide names.
var envelopeNames = map[string]string{"ISA": "Interchange Control Header", "IEA": "Interchange Control Trailer",
	"GS": "Functional Group Header", "GE": "Functional Group Trailer", "TA1": "Interchange Acknowledgment"}

// addEnvelopes reads the file again for the window's segments the chain
// did not show, and puts them in place.
func addEnvelopes(insp *inspection, open func() (io.ReadCloser, error), last int) error {
	in, err := open()
	if err != nil {
		return err
	}
	defer in.Close()
	seen := make(map[int]bool, len(insp.Segments))
	for _, sv := range insp.Segments {
		seen[sv.Index] = true
	}
	rd := edi.NewReader(in)
	for {
		seg, err := rd.Next()
		if e := (*edi.Error)(nil); errors.As(err, &e) && !e.Fatal {
			continue // reported by the chain; reading goes on
		}
		if err != nil {
			break // the end, or what stopped the chain too
		}
		i := seg.Pos.Index
		if i > last {
			break
		}
		if i < insp.From || seen[i] {
			continue
		}
		sv := segmentView{Index: i, ID: seg.ID(), Name: envelopeNames[seg.ID()], Loop: "envelope"}
		sep := string(seg.Delimiters().Element)
		for j := 1; j <= seg.Len(); j++ {
			ref := fmt.Sprintf("%s%02d", seg.ID(), j)
			sv.Elements = append(sv.Elements, elementView{Pos: j, Sep: sep, Text: seg.String(j), Title: ref})
		}
		insp.Segments = append(insp.Segments, sv)
	}
	slices.SortFunc(insp.Segments, func(a, b segmentView) int { return a.Index - b.Index })
	return nil
}
