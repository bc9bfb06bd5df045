//go:build !linux

package safefile

import "os"

// writeVectored is writev where the system has it: here parts are written
// as writeParts writes them.
func writeVectored(*os.File, [][]byte) (bool, error) { return false, nil }
