package gcpolicy

import (
	"runtime/debug"
	"testing"
)

// Apply sets the pipeline's target, and leaves an operator's GOGC alone.
func TestApply(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	t.Setenv("GOGC", "")
	if got := Apply(); got != Percent {
		t.Errorf("without GOGC: %d, want %d", got, Percent)
	}
	if got := debug.SetGCPercent(Percent); got != Percent {
		t.Errorf("the collector's target is %d, want %d", got, Percent)
	}
	t.Setenv("GOGC", "150")
	debug.SetGCPercent(150) // what the runtime read from the environment at start
	if got := Apply(); got != 150 {
		t.Errorf("with GOGC=150: %d, want the operator's 150", got)
	}
	if got := debug.SetGCPercent(150); got != 150 {
		t.Errorf("the operator's target was changed to %d", got)
	}
}
