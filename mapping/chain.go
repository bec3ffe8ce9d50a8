package mapping

import "github.com/edigw/edigw/edi/ig"

// NewChain is the one inbound chain: every entry point that judges an X12
// file (validate, ack, translate, replay and serve through the pipeline,
// the API through CheckClaims) builds its handlers here, so the rules
// cannot drift apart again (decision 0017). The chain is, in order:
//
//  1. the Mapper: records, and the business rules as each set ends
//     (CheckSet: SNIP 3 balancing, SNIP 5 code sets, SNIP 7 the payer
//     profile; the guide, SNIP 1-2, is the Validator's own walk);
//  2. h.Acknowledger, when set: TA1, 999 and 277CA from every error of
//     both;
//  3. after, the caller's own handlers (a report, a progress bar): in
//     SetEnd they see each set's every error, and Mapper.Verdict says
//     what the 999 and 277CA decide of it.
//
// h.AuthorizationLookup is the extension point of the payer's
// authorization rules (SNIP 7): a caller with a store of authorizations
// sets it, and every entry point given one checks alike.
//
// The caller makes the Validator (its File, MaxErrors, ForgetSets) with
// the handlers returned, and ends with Mapper.Finish.
func NewChain(name string, h Handlers, after ...ig.Handler) (*Mapper, []ig.Handler) {
	m := NewMapper(name, h)
	chain := make([]ig.Handler, 0, 2+len(after))
	chain = append(chain, m)
	if h.Acknowledger != nil {
		chain = append(chain, h.Acknowledger)
	}
	return m, append(chain, after...)
}
