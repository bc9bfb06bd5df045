//go:build !linux

package safefile

import "os"

// startWriteback does nothing where the system has no sync_file_range:
// Commit's sync writes the data.
func startWriteback(*os.File) {}
