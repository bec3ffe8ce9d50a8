package ig

import "github.com/edigw/edigw/edi"

// A Handler receives what a Validator finds, as it finds it. The
// Validator calls its Handlers in list order for every event, and ends a
// set in two rounds: CheckSet of every Handler (the errors they return
// join the set's), then SetEnd of every Handler. So a Handler that judges
// a set in SetEnd (an acknowledger) sees the errors of every CheckSet,
// wherever it stands in the list.
//
// Embed NopHandler to implement only the methods needed; Funcs makes a
// Handler of a few functions.
type Handler interface {
	// InterchangeStart sees each interchange as soon as its ISA is read
	// and checked (Errors hold the ISA's own envelope errors), before any
	// of its groups: where a caller decides whether the interchange is
	// processed at all (a duplicate is not).
	InterchangeStart(*InterchangeResult)
	// Segment sees every segment inside a set, and every segment outside
	// one that is not an envelope segment (a TA1).
	Segment(*Event)
	// Error sees every error as it is found.
	Error(*edi.Error)
	// CheckSet runs as each set ends, before any SetEnd; the errors it
	// returns join the set's. It is where rules beyond the guide live
	// (balancing, code sets, payer rules: SNIP 3 to 7).
	CheckSet(*SetResult) []*edi.Error
	// SetEnd sees each set once every CheckSet has run.
	SetEnd(*SetResult)
	// GroupEnd sees each functional group at its GE (or where the input
	// ends it).
	GroupEnd(*GroupResult)
	// InterchangeEnd sees each interchange at its IEA (or where the input
	// ends it).
	InterchangeEnd(*InterchangeResult)
}

// NopHandler does nothing: embed it in a Handler that needs only some of
// the events.
type NopHandler struct{}

func (NopHandler) InterchangeStart(*InterchangeResult) {}
func (NopHandler) Segment(*Event)                      {}
func (NopHandler) Error(*edi.Error)                    {}
func (NopHandler) CheckSet(*SetResult) []*edi.Error    { return nil }
func (NopHandler) SetEnd(*SetResult)                   {}
func (NopHandler) GroupEnd(*GroupResult)               {}
func (NopHandler) InterchangeEnd(*InterchangeResult)   {}

// Funcs is a Handler made of functions, for a caller that needs one or
// two events (a renderer, a test); a nil function does nothing.
type Funcs struct {
	OnInterchangeStart func(*InterchangeResult)
	OnSegment          func(*Event)
	OnError            func(*edi.Error)
	Check              func(*SetResult) []*edi.Error
	OnSet              func(*SetResult)
	OnGroup            func(*GroupResult)
	OnInterchange      func(*InterchangeResult)
}

func (f Funcs) InterchangeStart(ic *InterchangeResult) {
	if f.OnInterchangeStart != nil {
		f.OnInterchangeStart(ic)
	}
}

func (f Funcs) Segment(ev *Event) {
	if f.OnSegment != nil {
		f.OnSegment(ev)
	}
}

func (f Funcs) Error(e *edi.Error) {
	if f.OnError != nil {
		f.OnError(e)
	}
}

func (f Funcs) CheckSet(s *SetResult) []*edi.Error {
	if f.Check != nil {
		return f.Check(s)
	}
	return nil
}

func (f Funcs) SetEnd(s *SetResult) {
	if f.OnSet != nil {
		f.OnSet(s)
	}
}

func (f Funcs) GroupEnd(g *GroupResult) {
	if f.OnGroup != nil {
		f.OnGroup(g)
	}
}

func (f Funcs) InterchangeEnd(ic *InterchangeResult) {
	if f.OnInterchange != nil {
		f.OnInterchange(ic)
	}
}
