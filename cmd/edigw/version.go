package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// buildDate is when the binary was built, set by the Makefile
// (-ldflags "-X main.buildDate=..."): the build information Go records
// has the commit's time, not the build's.
var buildDate string

// version is what `edigw --version` prints and edigw_build_info labels.
type version struct {
	Module     string // the module version: v1.2.3, or (devel) for a build from a work tree
	Revision   string // the VCS commit, "unknown" when not recorded
	CommitTime string // the commit's time (RFC 3339), when recorded
	Modified   bool   // the work tree had changes
	BuildDate  string
	Go         string
}

// buildVersion reads the version from the build information.
func buildVersion() version {
	v := version{Module: "(devel)", Revision: "unknown", BuildDate: buildDate, Go: runtime.Version()}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	if info.Main.Version != "" {
		v.Module = info.Main.Version
	}
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			v.Revision = s.Value
		case "vcs.time":
			v.CommitTime = s.Value
		case "vcs.modified":
			v.Modified = s.Value == "true"
		}
	}
	if v.BuildDate == "" {
		v.BuildDate = "unknown"
	}
	return v
}

// String is one line: edigw v1.2.3 (commit abc123 of 2026-12-04T10:00:00Z, modified; built 2026-12-04T11:00:00Z; go1.26.8).
func (v version) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "edigw %s (commit %s", v.Module, v.Revision)
	if v.CommitTime != "" {
		fmt.Fprintf(&b, " of %s", v.CommitTime)
	}
	if v.Modified {
		b.WriteString(", modified")
	}
	fmt.Fprintf(&b, "; built %s; %s)", v.BuildDate, v.Go)
	return b.String()
}
