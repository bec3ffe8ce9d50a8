package ig

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestConformance compares our guides with pyx12's maps (BSD licensed,
// ../shared/reference/pyx12-maps beside the repository): loop usage and
// repeat (loops matched by ID under the same parents); the segments of each
// loop (matched by ID and key qualifier codes), their order, usage, maximum
// use and syntax notes; and per element (and component) its usage, data
// element reference number, type and lengths (ours against pyx12's
// dataele.xml), repeat and code list (as sets). Every difference is one
// line; the accepted ones, each with its reason, are in
// testdata/conformance_allowlist.txt. The test fails on a difference not
// listed there and on a listed one that no longer occurs.
func TestConformance(t *testing.T) {
	dir := pyx12Dir(t)
	dict := readDataElements(t, filepath.Join(dir, "dataele.xml"))
	allow := readAllowlist(t, filepath.Join("testdata", "conformance_allowlist.txt"))

	maps := []struct{ version, file string }{
		{"005010X221A1", "835.5010.X221.A1.xml"},
		{"005010X222A1", "837.5010.X222.A1.xml"},
		// pyx12 registers this map for X223A2 (its ST03 names 005010X223A2).
		{"005010X223A2", "837Q3.I.5010.X223.A1.xml"},
		{"005010X231A1", "999.5010X231.A1.xml"},
		{"005010X214", "277.5010.X214.xml"},
	}
	known := map[string]bool{}
	for _, m := range maps {
		known[strings.TrimPrefix(m.version, "005010")] = true
	}
	for line := range allow {
		if g, _, _ := strings.Cut(line, " "); !known[g] {
			t.Errorf("allowlist line names no compared guide: %s", line)
		}
	}
	for _, m := range maps {
		name := strings.TrimPrefix(m.version, "005010")
		t.Run(name, func(t *testing.T) {
			var g *Guide
			for _, c := range Standard().Guides() {
				if c.Version == m.version {
					g = c
				}
			}
			if g == nil {
				t.Fatalf("guide %s is not registered", m.version)
			}
			theirs := readPyx12Map(t, filepath.Join(dir, m.file), dict)
			diffs := conformanceDiffs(name, g.Root, theirs)
			for _, d := range diffs {
				if _, ok := allow[d]; !ok {
					t.Errorf("difference not in the allowlist (fix the guide, or add the line with its reason):\n%s # ", d)
				}
			}
			found := map[string]bool{}
			for _, d := range diffs {
				found[d] = true
			}
			var stale []string
			for line := range allow {
				if strings.HasPrefix(line, name+" ") && !found[line] {
					stale = append(stale, line)
				}
			}
			sort.Strings(stale)
			for _, line := range stale {
				t.Errorf("stale allowlist line, the difference no longer occurs: %s", line)
			}
		})
	}
}

// pyx12Dir finds ../shared/reference/pyx12-maps beside the module root,
// skipping the test when it is absent (failing when CI=true), as the corpus
// tests do.
func pyx12Dir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			dir = ""
			break
		}
		dir = parent
	}
	if dir != "" {
		d := filepath.Join(dir, "..", "shared", "reference", "pyx12-maps")
		if _, err := os.Stat(filepath.Join(d, "dataele.xml")); err == nil {
			return d
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("conformance: ../shared/reference/pyx12-maps not found beside the repository, and CI=true requires it")
	}
	t.Skip("conformance: ../shared/reference/pyx12-maps not found beside the repository; skipping")
	return ""
}

// readAllowlist reads "difference # reason" lines; blank lines and lines
// starting with # are comments.
func readAllowlist(t *testing.T, path string) map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	allow := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		diff, reason, ok := strings.Cut(line, " # ")
		if !ok || strings.TrimSpace(reason) == "" {
			t.Errorf("%s:%d: no reason (write the difference, then \" # \" and why it is accepted)", path, n)
			continue
		}
		if _, dup := allow[diff]; dup {
			t.Errorf("%s:%d: duplicate line %q", path, n, diff)
		}
		allow[diff] = reason
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return allow
}

// pyx12 map files.

type pxNode struct {
	XMLName  xml.Name
	Xid      string    `xml:"xid,attr"`
	Name     string    `xml:"name"`
	Usage    string    `xml:"usage"`
	Repeat   string    `xml:"repeat"`
	MaxUse   string    `xml:"max_use"`
	DataEle  string    `xml:"data_ele"`
	Seq      string    `xml:"seq"`
	Syntax   []string  `xml:"syntax"`
	Codes    *pxCodes  `xml:"valid_codes"`
	Children []*pxNode `xml:",any"` // loops, segments, elements, composites in order
}

type pxCodes struct {
	External string   `xml:"external,attr"`
	Codes    []string `xml:"code"`
}

type pxDataEle struct {
	Num  string `xml:"ele_num,attr"`
	Type string `xml:"data_type,attr"`
	Min  int    `xml:"min_len,attr"`
	Max  int    `xml:"max_len,attr"`
}

// readDataElements reads dataele.xml: each element's type and lengths.
func readDataElements(t *testing.T, path string) map[string]pxDataEle {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Elements []pxDataEle `xml:"data_ele"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	m := make(map[string]pxDataEle, len(doc.Elements))
	for _, e := range doc.Elements {
		m[e.Num] = e
	}
	return m
}

// realLoopID matches TR3 loop IDs (1000A, 2010AA, 2330I); pyx12's other
// loops (ISA_LOOP, HEADER, DETAIL, FOOTER ...) are envelopes and wrappers.
var realLoopID = regexp.MustCompile(`^[0-9]{4}[A-Z]{0,2}$`)

// readPyx12Map reads a pyx12 map into our own types, the content of its
// ST_LOOP (wrappers flattened) as the root loop "ST". Element types and
// lengths come from dataele.xml.
func readPyx12Map(t *testing.T, path string, dict map[string]pxDataEle) *Loop {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc pxNode
	if err := xml.Unmarshal(b, &doc); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var st *pxNode
	var find func(n *pxNode)
	find = func(n *pxNode) {
		for _, c := range n.Children {
			if st != nil {
				return
			}
			if c.XMLName.Local == "loop" && c.Xid == "ST_LOOP" {
				st = c
				return
			}
			find(c)
		}
	}
	find(&doc)
	if st == nil {
		t.Fatalf("%s: no ST_LOOP", path)
	}
	var conv func(n *pxNode) (*Loop, error)
	conv = func(n *pxNode) (*Loop, error) {
		l := &Loop{ID: n.Xid, Name: n.Name}
		var err error
		if l.Usage, err = pxUsage(n.Usage); err != nil {
			return nil, fmt.Errorf("loop %s: %v", n.Xid, err)
		}
		if l.Max, err = pxCount(n.Repeat); err != nil {
			return nil, fmt.Errorf("loop %s repeat: %v", n.Xid, err)
		}
		for _, c := range pxFlatten(n.Children) {
			switch c.XMLName.Local {
			case "loop":
				sub, err := conv(c)
				if err != nil {
					return nil, err
				}
				l.Children = append(l.Children, sub)
			case "segment":
				s, err := pxSegment(c, dict)
				if err != nil {
					return nil, fmt.Errorf("loop %s: %v", n.Xid, err)
				}
				l.Children = append(l.Children, s)
			}
		}
		return l, nil
	}
	root, err := conv(st)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	root.ID = "ST"
	return root
}

// pxFlatten replaces wrapper loops by their content.
func pxFlatten(nodes []*pxNode) []*pxNode {
	var out []*pxNode
	for _, n := range nodes {
		if n.XMLName.Local == "loop" && !realLoopID.MatchString(n.Xid) {
			out = append(out, pxFlatten(n.Children)...)
			continue
		}
		out = append(out, n)
	}
	return out
}

func pxSegment(n *pxNode, dict map[string]pxDataEle) (*Segment, error) {
	s := &Segment{ID: n.Xid, Name: n.Name}
	var err error
	if s.Usage, err = pxUsage(n.Usage); err != nil {
		return nil, fmt.Errorf("segment %s: %v", n.Xid, err)
	}
	if s.Max, err = pxCount(n.MaxUse); err != nil {
		return nil, fmt.Errorf("segment %s max use: %v", n.Xid, err)
	}
	s.Elements, err = pxElements(n.Children, dict)
	if err != nil {
		return nil, fmt.Errorf("segment %s: %v", n.Xid, err)
	}
	for _, r := range n.Syntax {
		s.Rules = append(s.Rules, parseRule(strings.TrimSpace(r)))
	}
	s.key, s.keyComp = pxKey(s)
	return s, nil
}

// pxElements converts elements or components, placed by their seq.
func pxElements(nodes []*pxNode, dict map[string]pxDataEle) ([]Element, error) {
	var out []Element
	for _, c := range nodes {
		if c.XMLName.Local != "element" && c.XMLName.Local != "composite" {
			continue
		}
		seq, err := strconv.Atoi(c.Seq)
		if err != nil || seq < 1 {
			return nil, fmt.Errorf("element %s: bad seq %q", c.Xid, c.Seq)
		}
		for len(out) < seq {
			out = append(out, Element{}) // a position pyx12 does not list
		}
		e := Element{Ref: c.DataEle, Name: c.Name}
		if e.Usage, err = pxUsage(c.Usage); err != nil {
			return nil, fmt.Errorf("element %s: %v", c.Xid, err)
		}
		if c.Repeat != "" {
			if e.Repeat, err = pxCount(c.Repeat); err != nil {
				return nil, fmt.Errorf("element %s repeat: %v", c.Xid, err)
			}
		}
		if c.XMLName.Local == "composite" {
			e.Type = Composite
			if e.Parts, err = pxElements(c.Children, dict); err != nil {
				return nil, err
			}
		} else {
			if d, ok := dict[c.DataEle]; ok {
				e.Type, e.Min, e.Max = pxType(d.Type), d.Min, d.Max
			}
			if c.Codes != nil {
				e.Codes = c.Codes.Codes
				e.List = pxLists[c.Codes.External]
			}
		}
		out[seq-1] = e
	}
	return out, nil
}

// pxKey is the key prepare computes for our segments, for pyx12's.
func pxKey(s *Segment) (key, comp int) {
	for i, e := range s.Elements {
		if e.Type != Composite && len(e.Codes) > 0 && e.Usage != NotUsed {
			return i + 1, 0
		}
	}
	for i, e := range s.Elements {
		if e.Type == Composite && e.Usage != NotUsed && len(e.Parts) > 0 && len(e.Parts[0].Codes) > 0 {
			return i + 1, 1
		}
	}
	return 0, 0
}

func pxUsage(s string) (Usage, error) {
	switch s {
	case "R":
		return Required, nil
	case "S":
		return Situational, nil
	case "N":
		return NotUsed, nil
	}
	return 0, fmt.Errorf("bad usage %q", s)
}

// pxCount reads a repeat or max use: a number or ">1".
func pxCount(s string) (int, error) {
	s = strings.TrimSpace(s)
	if s == ">1" {
		return Many, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 0, fmt.Errorf("bad count %q", s)
	}
	return n, nil
}

func pxType(s string) Type {
	for t, name := range typeNames {
		if name == s && t != Composite {
			return t
		}
	}
	return 0
}

// Comparison.

type conformance struct {
	guide string
	seen  map[string]bool
	lines []string
}

func (c *conformance) add(format string, args ...any) {
	l := c.guide + " " + fmt.Sprintf(format, args...)
	if !c.seen[l] {
		c.seen[l] = true
		c.lines = append(c.lines, l)
	}
}

// conformanceDiffs compares our root loop with pyx12's, returning one
// sorted line per difference.
func conformanceDiffs(guide string, ours, theirs *Loop) []string {
	c := &conformance{guide: guide, seen: map[string]bool{}}
	c.loop(ours, theirs, true)
	sort.Strings(c.lines)
	return c.lines
}

func countString(n int) string {
	if n == Many {
		return ">1"
	}
	return strconv.Itoa(n)
}

// loop compares two loops with the same ID (the roots: no usage or repeat,
// pyx12's ST_LOOP repeat counts sets in a group).
func (c *conformance) loop(o, p *Loop, root bool) {
	if !root {
		if o.Usage != p.Usage {
			c.add("%s usage: ours %v pyx12 %v", o.ID, o.Usage, p.Usage)
		}
		if o.Max != p.Max {
			c.add("%s repeat: ours %s pyx12 %s", o.ID, countString(o.Max), countString(p.Max))
		}
	}

	// match[i] is the index in p.Children of o.Children[i]'s counterpart.
	match := make([]int, len(o.Children))
	taken := make([]bool, len(p.Children))
	for i := range match {
		match[i] = -1
	}
	pair := func(ok func(a, b Node) bool) {
		for i, a := range o.Children {
			if match[i] >= 0 {
				continue
			}
			for j, b := range p.Children {
				if !taken[j] && ok(a, b) {
					match[i], taken[j] = j, true
					break
				}
			}
		}
	}
	sameLoop := func(a, b Node) bool {
		la, ok1 := a.(*Loop)
		lb, ok2 := b.(*Loop)
		return ok1 && ok2 && la.ID == lb.ID
	}
	// Segments: same ID and the same key codes, then overlapping key codes,
	// then the remaining ones of an ID in order.
	segs := func(rel func(x, y []string) bool) func(a, b Node) bool {
		return func(a, b Node) bool {
			sa, ok1 := a.(*Segment)
			sb, ok2 := b.(*Segment)
			return ok1 && ok2 && sa.ID == sb.ID && rel(sa.KeyCodes(), sb.KeyCodes())
		}
	}
	pair(sameLoop)
	pair(segs(func(x, y []string) bool { return sameSet(x, y) }))
	pair(segs(func(x, y []string) bool { return overlaps(x, y) }))
	pair(segs(func(x, y []string) bool { return true }))

	for i, a := range o.Children {
		switch a := a.(type) {
		case *Loop:
			if match[i] < 0 {
				c.add("%s loop %s: only in ours", o.ID, a.ID)
			} else {
				c.loop(a, p.Children[match[i]].(*Loop), false)
			}
		case *Segment:
			label := segLabel(a, o)
			if match[i] < 0 {
				c.add("%s %s: only in ours", o.ID, label)
			} else {
				c.segment(o.ID, label, a, p.Children[match[i]].(*Segment))
			}
		}
	}
	for j, b := range p.Children {
		if taken[j] {
			continue
		}
		switch b := b.(type) {
		case *Loop:
			c.add("%s loop %s: only in pyx12", o.ID, b.ID)
		case *Segment:
			c.add("%s %s: only in pyx12", o.ID, segLabel(b, p))
		}
	}

	// Order of the children both have.
	var ourOrder, theirOrder []string
	var idx []int
	for i, a := range o.Children {
		if match[i] >= 0 {
			ourOrder = append(ourOrder, nodeLabel(a, o))
			idx = append(idx, match[i])
		}
	}
	if !slices.IsSorted(idx) {
		byP := slices.Clone(idx)
		slices.Sort(byP)
		for _, j := range byP {
			i := slices.Index(match, j)
			theirOrder = append(theirOrder, nodeLabel(o.Children[i], o))
		}
		c.add("%s order: ours [%s] pyx12 [%s]", o.ID, strings.Join(ourOrder, " "), strings.Join(theirOrder, " "))
	}
}

func nodeLabel(n Node, parent *Loop) string {
	switch n := n.(type) {
	case *Loop:
		return n.ID
	case *Segment:
		return segLabel(n, parent)
	}
	return "?"
}

// segLabel names a segment in its loop: its ID, with its first key code
// when siblings share the ID (PER*BL), and an ordinal when that is not
// enough.
func segLabel(s *Segment, parent *Loop) string {
	var same []*Segment
	for _, n := range parent.Children {
		if x, ok := n.(*Segment); ok && x.ID == s.ID {
			same = append(same, x)
		}
	}
	if len(same) == 1 {
		return s.ID
	}
	first := func(x *Segment) string {
		k := slices.Clone(x.KeyCodes())
		slices.Sort(k)
		if len(k) == 0 {
			return x.ID
		}
		return x.ID + "*" + k[0]
	}
	label, n, nth := first(s), 0, 0
	for _, x := range same {
		if first(x) == label {
			n++
			if x == s {
				nth = n
			}
		}
	}
	if n > 1 {
		label += "#" + strconv.Itoa(nth)
	}
	return label
}

func (c *conformance) segment(loop, label string, o, p *Segment) {
	if o.Usage != p.Usage {
		c.add("%s %s usage: ours %v pyx12 %v", loop, label, o.Usage, p.Usage)
	}
	if o.Max != p.Max {
		c.add("%s %s max use: ours %s pyx12 %s", loop, label, countString(o.Max), countString(p.Max))
	}
	if a, b := ruleList(o.Rules), ruleList(p.Rules); a != b {
		c.add("%s %s syntax: ours %s pyx12 %s", loop, label, a, b)
	}
	prefix := loop + " "
	if label != o.ID {
		prefix += label + " "
	}
	c.elements(prefix, o.ID, o.Elements, p.Elements, false)
}

// elements compares elements (or the components of a composite, name
// being "CLM05" and component true).
func (c *conformance) elements(prefix, name string, oe, pe []Element, component bool) {
	for i := 0; i < max(len(oe), len(pe)); i++ {
		var label string
		if component {
			label = fmt.Sprintf("%s-%d", name, i+1)
		} else {
			label = fmt.Sprintf("%s%02d", name, i+1)
		}
		var o, p Element
		if i < len(oe) {
			o = oe[i]
		}
		if i < len(pe) {
			p = pe[i]
		}
		switch {
		case o.Usage == 0 && p.Usage == 0:
			continue
		case o.Usage == 0:
			if p.Usage != NotUsed {
				c.add("%s%s: only in pyx12", prefix, label)
			}
			continue
		case p.Usage == 0:
			if o.Usage != NotUsed {
				c.add("%s%s: only in ours", prefix, label)
			}
			continue
		}
		c.element(prefix, label, o, p)
	}
}

func (c *conformance) element(prefix, label string, o, p Element) {
	if o.Usage != p.Usage {
		c.add("%s%s usage: ours %v pyx12 %v", prefix, label, o.Usage, p.Usage)
	}
	if o.Ref != p.Ref {
		c.add("%s%s ref: ours %s pyx12 %s", prefix, label, o.Ref, p.Ref)
	}
	if o.Usage == NotUsed || p.Usage == NotUsed {
		return
	}
	if (o.Type == Composite) != (p.Type == Composite) {
		c.add("%s%s type: ours %v pyx12 %v", prefix, label, o.Type, p.Type)
		return
	}
	if max(o.Repeat, 1) != max(p.Repeat, 1) {
		c.add("%s%s repeat: ours %d pyx12 %d", prefix, label, max(o.Repeat, 1), max(p.Repeat, 1))
	}
	if o.Type == Composite {
		c.elements(prefix, label, o.Parts, p.Parts, true)
		return
	}
	if p.Type == 0 {
		c.add("%s%s: data element %s not in dataele.xml", prefix, label, p.Ref)
		return
	}
	if o.Type != p.Type {
		c.add("%s%s type: ours %v pyx12 %v", prefix, label, o.Type, p.Type)
	}
	if o.Min != p.Min || o.Max != p.Max {
		c.add("%s%s length: ours %d-%d pyx12 %d-%d", prefix, label, o.Min, o.Max, p.Min, p.Max)
	}
	if !sameSet(o.Codes, p.Codes) {
		c.add("%s%s codes: ours %s pyx12 %s", prefix, label, codeList(o.Codes), codeList(p.Codes))
	}
	if o.List != p.List {
		c.add("%s%s code list: ours %s pyx12 %s", prefix, label, listName(o.List), listName(p.List))
	}
}

// pxLists are pyx12's external code lists (codes.xml) that we have as
// CodeLists; its others (entity_id, pos, remark_code, currency) we do not
// check against a list, and neither side names one there.
var pxLists = map[string]*CodeList{
	"states": StateCodes, "country": CountryCodes,
	"claim_status_cat": ClaimStatusCategoryCodes, "claim_status": ClaimStatusCodes,
}

func listName(l *CodeList) string {
	if l == nil {
		return "none"
	}
	return "[" + l.Name + "]"
}

// ruleList renders syntax notes sorted: [C0304 P0102].
func ruleList(rules []Rule) string {
	var k []string
	for _, r := range rules {
		k = append(k, r.String())
	}
	sort.Strings(k)
	return "[" + strings.Join(k, " ") + "]"
}

func sameSet(x, y []string) bool {
	a, b := setOf(x), setOf(y)
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func overlaps(x, y []string) bool {
	b := setOf(y)
	for _, k := range x {
		if b[k] {
			return true
		}
	}
	return false
}

func setOf(x []string) map[string]bool {
	m := make(map[string]bool, len(x))
	for _, k := range x {
		m[k] = true
	}
	return m
}

// codeList renders a code set sorted, without duplicates: [A B].
func codeList(x []string) string {
	var k []string
	for c := range setOf(x) {
		k = append(k, c)
	}
	sort.Strings(k)
	return "[" + strings.Join(k, " ") + "]"
}
