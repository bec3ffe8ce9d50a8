package clearinghouse

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// serverCPU is the CPU time PostgreSQL has used so far, when the server
// runs on this machine and /proc says (ok false otherwise): its
// postmaster's own and reaped children's, and its live processes'. The
// end-to-end benchmark reports the difference over a run (server-CPU-s):
// on a shared machine it is steadier than the wall time, and the load's
// work is half of it (docs/benchmarks.md).
func serverCPU(b *testing.B, dbURL string) (time.Duration, bool) {
	b.Helper()
	backend := queryInt(b, dbURL, "SELECT pg_backend_pid()")
	f, ok := procStat(int(backend))
	if !ok {
		return 0, false
	}
	postmaster := f[1] // ppid
	pm, ok := procStat(postmaster)
	if !ok {
		return 0, false
	}
	ticks := pm[11] + pm[12] + pm[13] + pm[14] // utime, stime, cutime, cstime
	dirs, _ := filepath.Glob("/proc/[0-9]*")
	for _, d := range dirs {
		pid, err := strconv.Atoi(filepath.Base(d))
		if err != nil || pid == postmaster {
			continue
		}
		if c, ok := procStat(pid); ok && c[1] == postmaster {
			ticks += c[11] + c[12]
		}
	}
	return time.Duration(ticks) * time.Second / 100, true // USER_HZ
}

// procStat reads /proc/PID/stat's numeric fields after the command name:
// index 0 is the state's field (not a number: 0), 1 the parent's PID, 11
// and 12 user and system time, 13 and 14 those of reaped children.
func procStat(pid int) ([]int, bool) {
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return nil, false
	}
	s := string(raw)
	end := strings.LastIndexByte(s, ')')
	if end < 0 {
		return nil, false
	}
	fields := strings.Fields(s[end+1:])
	if len(fields) < 15 {
		return nil, false
	}
	out := make([]int, 15)
	for i := 1; i < 15; i++ {
		out[i], _ = strconv.Atoi(fields[i])
	}
	return out, true
}
