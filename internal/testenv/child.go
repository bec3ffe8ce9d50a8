package testenv

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// KillChildAt runs this test binary again as a child that runs only the
// test child, with env added and markerEnv naming a fresh marker file. It
// waits until the child creates the marker (it reached point, its crash
// point), kills it there with SIGKILL and returns once the child is gone.
// The test fails when the child ends first, does not reach the point
// within three minutes, or dies of anything but the SIGKILL.
func KillChildAt(t testing.TB, child, point, markerEnv string, env ...string) {
	t.Helper()
	marker := filepath.Join(t.TempDir(), "reached")
	cmd := exec.Command(os.Args[0], "-test.run=^"+child+"$", "-test.count=1", "-test.v")
	cmd.Env = append(append(os.Environ(), env...), markerEnv+"="+marker)
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	deadline := time.After(3 * time.Minute)
	for {
		if _, err := os.Stat(marker); err == nil {
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("the child ended before reaching %s: %v\n%s", point, err, out.String())
		case <-deadline:
			_ = cmd.Process.Kill()
			t.Fatalf("the child did not reach %s\n%s", point, out.String())
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	err := <-exited
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("the child was not killed at %s: %v\n%s", point, err, out.String())
	}
}
