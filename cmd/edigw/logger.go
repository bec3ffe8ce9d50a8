package main

import (
	"fmt"
	"io"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// logFlags are serve's logging flags.
type logFlags struct {
	level  string
	format string
}

func (f *logFlags) add(fs interface {
	StringVar(p *string, name, value, usage string)
}) {
	fs.StringVar(&f.level, "log-level", "info", "least severe log level written: debug, info, warn or error")
	fs.StringVar(&f.format, "log-format", "json", "log format: json (one object a line) or console (for people)")
}

// newLogger builds the logger serve writes to w: ISO 8601 times, the
// level and format asked for, and no sampling. zap's production preset
// samples (after 100 lines of a message in a second, every 100th), which
// dropped request and audit lines that the docs promise once each.
func newLogger(w io.Writer, f logFlags) (*zap.Logger, error) {
	level, err := zapcore.ParseLevel(f.level)
	if err != nil || level < zapcore.DebugLevel || level > zapcore.ErrorLevel {
		return nil, &exitError{code: exitUnusable, err: fmt.Errorf("--log-level %q: want debug, info, warn or error", f.level)}
	}
	ec := zap.NewProductionEncoderConfig()
	ec.EncodeTime = zapcore.ISO8601TimeEncoder
	ec.EncodeDuration = zapcore.StringDurationEncoder
	var enc zapcore.Encoder
	switch f.format {
	case "json":
		enc = zapcore.NewJSONEncoder(ec)
	case "console":
		ec.EncodeLevel = zapcore.CapitalLevelEncoder
		enc = zapcore.NewConsoleEncoder(ec)
	default:
		return nil, &exitError{code: exitUnusable, err: fmt.Errorf("--log-format %q: want json or console", f.format)}
	}
	core := zapcore.NewCore(enc, zapcore.Lock(zapcore.AddSync(w)), level)
	return zap.New(core, zap.AddCaller(), zap.AddStacktrace(zapcore.ErrorLevel)), nil
}
