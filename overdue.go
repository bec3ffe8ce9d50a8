package edigw

import "time"

// OverdueFile is a file edigw sent whose acknowledgment did not come
// within its partner's window (decision 0019): Kinds lists what it still
// lacks (999, 277CA), DueAt when the first of them was due.
type OverdueFile struct {
	File  File      `json:"-"`
	Kinds []string  `json:"overdue"`
	DueAt time.Time `json:"dueAt"`
}
