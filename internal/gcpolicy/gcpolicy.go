// Package gcpolicy is the garbage collector's setting of edigw's commands
// that run the pipeline (serve, replay), applied in one place so that the
// end-to-end benchmark's child runs the pipeline as they do
// (decisions/0037).
//
// The pipeline streams: what it holds live is bounded by its batches, not
// by the file (some 30-60 MB for an 837), and it allocates a record's
// worth of small objects per claim. Under Go's default (GOGC=100) the
// collector ran after every 30-60 MB allocated and took a sixth of the
// process's CPU; a target of 300% of the live heap halves that for about
// 100 MB more resident memory a file, still bounded whatever its size.
package gcpolicy

import (
	"os"
	"runtime/debug"
)

// Percent is the collector's target (GOGC) unless the environment sets
// one: the heap may grow to four times what is live before a collection.
const Percent = 300

// Apply sets the collector's target to Percent, unless GOGC is set in the
// environment (an operator's setting wins; so does GOMEMLIMIT, which Go
// reads itself), and returns the target in force (-1: off).
func Apply() int {
	if v, ok := os.LookupEnv("GOGC"); ok && v != "" {
		// Read the target the runtime took from GOGC, and put it back.
		old := debug.SetGCPercent(100)
		debug.SetGCPercent(old)
		return old
	}
	debug.SetGCPercent(Percent)
	return Percent
}
