package main

import (
	"fmt"
	"io"

	"github.com/plandoc/plandoc/data"
	"github.com/plandoc/plandoc/data/msg"
)

// loadPlan loads the plan named on the command line, or the bundled one.
// Problems are returned for the caller to print; err is set when there is
// no usable plan.
func loadPlan(args []string) (*data.Plan, data.Problems, error) {
	switch len(args) {
	case 0:
		return data.LoadBundled(data.DefaultPlan)
	case 1:
		return data.LoadFile(args[0])
	}
	return nil, nil, msg.Errorf("expected at most one plan file, got %d arguments", len(args))
}

func printProblems(w io.Writer, probs data.Problems) {
	for _, p := range probs {
		fmt.Fprintln(w, p)
	}
}
