package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"go.yaml.in/yaml/v3"
)

// Every flag of every command can also be set by an environment variable
// and by a configuration file. The precedence is the command line, then
// the environment, then the file (--config), then the flag's default: one
// mechanism for all flags, applied before any command runs
// (settings.apply), and documented in each flag's help as "(env EDIGW_X)".

const (
	envPrefix = "EDIGW_"
	// envAnnotation names a flag's environment variable where the
	// derived name would break an established one (--database is
	// EDIGW_DATABASE_URL).
	envAnnotation = "edigw_env"
	configFlag    = "config"
)

// envName is the environment variable of a flag: EDIGW_ and the flag's
// name in upper case with - as _ (--max-body: EDIGW_MAX_BODY).
func envName(f *pflag.Flag) string {
	if v := f.Annotations[envAnnotation]; len(v) == 1 {
		return v[0]
	}
	return envPrefix + strings.ToUpper(strings.ReplaceAll(f.Name, "-", "_"))
}

// configurable reports whether a flag takes settings: cobra's own help
// and version flags do not.
func configurable(f *pflag.Flag) bool { return f.Name != "help" && f.Name != "version" }

// documentEnv appends "(env EDIGW_X)" to the help of every flag of every
// command under root. Cobra appends "(default ...)" after it.
func documentEnv(root *cobra.Command) {
	eachConfigurable(root, func(f *pflag.Flag) {
		if !strings.Contains(f.Usage, "(env ") {
			f.Usage += " (env " + envName(f) + ")"
		}
	})
}

// eachConfigurable calls fn for every configurable flag of root and of
// every command under it.
func eachConfigurable(root *cobra.Command, fn func(*pflag.Flag)) {
	walk(root, func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.LocalNonPersistentFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) {
				if configurable(f) {
					fn(f)
				}
			})
		}
	})
}

// walk calls fn for c and every command under it.
func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walk(sub, fn)
	}
}

// settings are where flag values come from besides the command line.
type settings struct {
	lookupEnv func(string) (string, bool)
	readFile  func(string) ([]byte, error)
	// known are the flag names of the whole command tree: a key of the
	// file that no command has is a mistake, one that only another
	// command has is not (one file serves every command).
	known map[string]bool
}

func newSettings(root *cobra.Command) *settings {
	s := &settings{lookupEnv: os.LookupEnv, readFile: os.ReadFile, known: map[string]bool{}}
	eachConfigurable(root, func(f *pflag.Flag) { s.known[f.Name] = true })
	return s
}

// apply sets every flag of c that the command line left alone from its
// environment variable, else from the configuration file. The values go
// through the flag's own parser, so a bad one is refused as on the
// command line, naming where it came from.
func (s *settings) apply(c *cobra.Command) error {
	flags := c.Flags()
	given := map[string]bool{}
	flags.Visit(func(f *pflag.Flag) { given[f.Name] = true })
	fromEnv := map[string]bool{}
	var errs []error
	flags.VisitAll(func(f *pflag.Flag) {
		if !configurable(f) || given[f.Name] {
			return
		}
		v, ok := s.lookupEnv(envName(f))
		if !ok {
			return
		}
		fromEnv[f.Name] = true
		if err := setFlag(flags, f, []string{v}); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", envName(f), err))
		}
	})
	if len(errs) > 0 {
		return &exitError{code: exitUnusable, err: errors.Join(errs...)}
	}
	cf := flags.Lookup(configFlag)
	if cf == nil || cf.Value.String() == "" {
		return nil
	}
	values, err := s.file(cf.Value.String())
	if err != nil {
		return &exitError{code: exitUnusable, err: err}
	}
	names := make([]string, 0, len(values))
	for name := range values {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		f := flags.Lookup(name)
		if f == nil || given[name] || fromEnv[name] {
			continue
		}
		if err := setFlag(flags, f, values[name]); err != nil {
			errs = append(errs, fmt.Errorf("%s: %s: %w", cf.Value.String(), name, err))
		}
	}
	if len(errs) > 0 {
		return &exitError{code: exitUnusable, err: errors.Join(errs...)}
	}
	return nil
}

// setFlag gives a flag its values: a list (a slice flag) replaces the
// default with each value in turn.
func setFlag(flags *pflag.FlagSet, f *pflag.Flag, values []string) error {
	for _, v := range values {
		if err := flags.Set(f.Name, v); err != nil {
			return err
		}
	}
	return nil
}

// file reads a configuration file: YAML (JSON is YAML too), a mapping of
// flag names to values, a list for a flag that repeats.
func (s *settings) file(path string) (map[string][]string, error) {
	b, err := s.readFile(path)
	if err != nil {
		return nil, fmt.Errorf("--config: %w", err)
	}
	var raw map[string]yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&raw); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	out := map[string][]string{}
	var errs []error
	for name, node := range raw {
		switch {
		case !s.known[name]:
			errs = append(errs, fmt.Errorf("%s: line %d: %q is no flag of any edigw command", path, node.Line, name))
		case node.Kind == yaml.ScalarNode:
			out[name] = []string{node.Value}
		case node.Kind == yaml.SequenceNode && allScalars(node.Content):
			for _, item := range node.Content {
				out[name] = append(out[name], item.Value)
			}
		default:
			errs = append(errs, fmt.Errorf("%s: line %d: %s: want a value or a list of values", path, node.Line, name))
		}
	}
	slices.SortFunc(errs, func(a, b error) int { return strings.Compare(a.Error(), b.Error()) })
	return out, errors.Join(errs...)
}

func allScalars(nodes []*yaml.Node) bool {
	for _, n := range nodes {
		if n.Kind != yaml.ScalarNode {
			return false
		}
	}
	return true
}
