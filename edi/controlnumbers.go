package edi

import "sort"

// controlNumbers remembers the control numbers used in one envelope, to
// find one used twice. Numbers that count up, the usual case, are kept as
// ranges: a group of 400,000 sets numbered in order costs a few bytes, not
// a map entry each. Any other number goes into a map.
type controlNumbers struct {
	runs  [][2]uint64 // ascending and disjoint: keys from, to (inclusive)
	other map[string]struct{}
}

// add records id and reports whether it was recorded before.
func (c *controlNumbers) add(id string) bool {
	if _, ok := c.other[id]; ok {
		return true
	}
	k, ok := numberKey(id)
	if ok {
		i := sort.Search(len(c.runs), func(i int) bool { return c.runs[i][1] >= k })
		if i < len(c.runs) && c.runs[i][0] <= k {
			return true
		}
		switch n := len(c.runs); {
		case n > 0 && k == c.runs[n-1][1]+1:
			c.runs[n-1][1] = k
			return false
		case n == 0 || k > c.runs[n-1][1]:
			c.runs = append(c.runs, [2]uint64{k, k})
			return false
		}
	}
	if c.other == nil {
		c.other = map[string]struct{}{}
	}
	c.other[id] = struct{}{}
	return false
}

// reset forgets every number, and the memory they took.
func (c *controlNumbers) reset() { *c = controlNumbers{} }

// numberKey maps a control number of 1 to 9 digits to a key unique to its
// text: its length above its value, so that 0001 and 001 stay apart while
// 0001, 0002 ... are consecutive keys.
func numberKey(id string) (uint64, bool) {
	if len(id) == 0 || len(id) > 9 {
		return 0, false
	}
	var v uint64
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + uint64(c-'0')
	}
	return uint64(len(id))<<32 | v, true
}
