// Command edigw is the edigw X12 EDI gateway: one binary with subcommands to
// parse, render and generate files (and, as the gateway grows, to validate,
// acknowledge, translate, replay and serve). It only wires packages together.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// Exit codes shared by every subcommand.
const (
	exitOK         = 0
	exitFileErrors = 1 // the input was read and has errors
	exitUnusable   = 2 // the input could not be read, or the command line is wrong
)

// exitError carries a process exit code out of a command.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// fileErrors is returned by a command whose input has errors it already reported.
var fileErrors = &exitError{code: exitFileErrors}

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRoot(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "edigw:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(stderr, "edigw:", err)
	return exitUnusable
}

func newRoot(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "edigw",
		Short:         "X12 EDI claims and authorization gateway (HIPAA 5010: 278, 837, 835, 999, 277CA, TA1)",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(newReportCmd()) // apart from the line below, which every new command edits
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &exitError{code: exitUnusable, err: fmt.Errorf("%w\n%s", err, c.UsageString())}
	})
	root.AddCommand(newParseCmd(), newRenderCmd(), newGenCmd(), newValidateCmd(), newAckCmd(), newTranslateCmd(), newGenerateCmd(), newMigrateCmd(), newReplayCmd(), newServeCmd(), newTokenCmd(), newPartnerCmd(), newWebhookCmd())
	root.PersistentFlags().String(configFlag, "", "configuration file (YAML or JSON): flag names as keys, e.g. database: postgres://...; the command line and the environment override it")
	root.Version = buildVersion().String()
	root.SetVersionTemplate("{{.Version}}\n")
	documentEnv(root)
	s := newSettings(root)
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error { return s.apply(c) }
	return root
}

// openInput opens FILE, or standard input for "-".
func openInput(c *cobra.Command, name string) (io.ReadCloser, string, error) {
	if name == "-" {
		return io.NopCloser(c.InOrStdin()), "<stdin>", nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, name, &exitError{code: exitUnusable, err: err}
	}
	return f, name, nil
}
