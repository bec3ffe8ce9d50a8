package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/edigw/edigw/fixtures/synth"
	"github.com/spf13/cobra"
)

func newGenCmd() *cobra.Command {
	var (
		kind, size, out string
		claims, perSet  int
		seed            uint64
		newline         bool
		npi, tin        string
		providerName    string
	)
	c := &cobra.Command{
		Use:   "gen --kind 837p|835|278|270 (--claims N | --size 100MB) [-o FILE]",
		Short: "Write a deterministic, valid synthetic 5010 file of any size (for benchmarks and load tests)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			k := synth.Kind(strings.ToLower(kind))
			if _, ok := synth.BytesPerClaim[k]; !ok {
				return &exitError{code: exitUnusable, err: fmt.Errorf("--kind %q: want one of %v", kind, synth.Kinds)}
			}
			if size != "" {
				n, err := parseSize(size)
				if err != nil {
					return &exitError{code: exitUnusable, err: err}
				}
				claims = synth.ClaimsForSize(k, n)
			}
			if claims < 1 {
				return &exitError{code: exitUnusable, err: fmt.Errorf("give --claims N or --size SIZE")}
			}
			o := synth.Options{Kind: k, Claims: claims, PerSet: perSet, Seed: seed, Newline: newline}
			if npi != "" || tin != "" {
				if npi == "" || tin == "" {
					return &exitError{code: exitUnusable, err: fmt.Errorf("give --npi and --tin together")}
				}
				o.Provider = &synth.Provider{Name: providerName, NPI: npi, TIN: tin}
			}
			var w io.Writer = c.OutOrStdout()
			if out != "" && out != "-" {
				f, err := os.OpenFile(out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o640) // PHI-shaped data: not for others
				if err != nil {
					return &exitError{code: exitUnusable, err: err}
				}
				defer f.Close()
				w = f
			}
			bw := bufio.NewWriterSize(w, 256<<10)
			st, err := synth.Write(bw, o)
			if err == nil {
				err = bw.Flush()
			}
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			fmt.Fprintf(c.ErrOrStderr(), "edigw gen: %s, %d claims in %d transaction sets, %d segments\n", k, st.Claims, st.Sets, st.Segments)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&kind, "kind", "837p", "file kind: 837p, 835, 278 or 270")
	f.IntVar(&claims, "claims", 0, "number of claims (278: requests)")
	f.StringVar(&size, "size", "", "approximate file size instead of --claims, e.g. 100MB or 1GB")
	f.IntVar(&perSet, "per-set", synth.DefaultPerSet, "claims per transaction set")
	f.Uint64Var(&seed, "seed", 1, "seed: the same seed gives the same file")
	f.BoolVar(&newline, "newline", true, "write a line feed after each segment")
	f.StringVarP(&out, "output", "o", "-", "output file (- for standard output)")
	f.StringVar(&npi, "npi", "", "the billing provider (837P) and payee (835) of every set: its NPI, with --tin, so that an 835 pays an 837P generated for the same provider")
	f.StringVar(&tin, "tin", "", "the billing provider's and payee's tax ID, with --npi")
	f.StringVar(&providerName, "provider-name", "SYNTHETIC HOME MEDICAL", "the billing provider's and payee's name, with --npi")
	return c
}

// parseSize reads sizes like 100MB, 1GB, 512KB or a plain byte count.
func parseSize(s string) (int64, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, x := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(u, x.suffix) {
			u, mult = strings.TrimSuffix(u, x.suffix), x.m
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(u), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("--size %q: want a positive size like 100MB", s)
	}
	return n * mult, nil
}
