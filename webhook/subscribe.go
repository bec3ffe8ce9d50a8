package webhook

import (
	"context"
	"time"

	"github.com/edigw/edigw"
)

// FieldError is a subscription refused for one of its fields; the message
// names the field and the rule, never the value.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// Prepared is a subscription checked and given its signing key: the key
// as stored (sealed or not), the end of its first digest period, and the
// secret to show the subscriber once.
type Prepared struct {
	Stored    []byte
	Sealed    bool
	DigestDue *time.Time
	Secret    string
}

// Prepare checks a new subscription (URL under the policy, kinds, digest
// schedule) and makes its key; the API and edigw webhook create share it.
func Prepare(ctx context.Context, p *Policy, s *Sealer, now time.Time, sub *edigw.Subscription) (*Prepared, error) {
	if p == nil {
		p = &Policy{}
	}
	if err := p.CheckURL(ctx, sub.URL); err != nil {
		return nil, &FieldError{"url", err}
	}
	if err := CheckKinds(sub.Kinds); err != nil {
		return nil, &FieldError{"kinds", err}
	}
	out := &Prepared{}
	if sub.Digest != nil {
		sched, err := ParseSchedule(sub.Digest)
		if err != nil {
			return nil, &FieldError{"digest", err}
		}
		due := sched.Next(now)
		out.DigestDue = &due
	}
	key, err := NewKey()
	if err != nil {
		return nil, err
	}
	if out.Stored, out.Sealed, err = s.Seal(key); err != nil {
		return nil, err
	}
	out.Secret = Secret(key)
	return out, nil
}
