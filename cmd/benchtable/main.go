// Command benchtable prints plandoc's speed table: the annex alone and the
// whole render, as whole processes, for the bundled plan and synthetic
// plans of 1,000, 10,000 and 100,000 tasks, with each run's peak memory.
// A peer's annex times (another typesetter's, measured elsewhere) can be
// given for a ratio column.
//
//	go run ./cmd/benchtable [-sizes 72,1000,10000,100000] [-runs 3] [-small-runs 31] [-peer FILE]
//
// FILE holds lines "TASKS SECONDS"; by default the column shows the Typst
// 0.7 figures recorded in issue 15 (not measured here).
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/plandoc/plandoc/data/synth"
)

// recordedPeer is Typst 0.7's annex, through its Node binding, on the
// machine of issue 15 (2 cores): the same rows and pages.
var recordedPeer = map[int]float64{72: 0.168, 1000: 0.736, 10000: 5.35, 100000: 77.9}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchtable", flag.ContinueOnError)
	fs.SetOutput(stderr)
	sizes := fs.String("sizes", "72,1000,10000,100000", "plan sizes in tasks; 72 is the bundled 2021 plan")
	runs := fs.Int("runs", 3, "runs of each measurement; the median is printed")
	smallRuns := fs.Int("small-runs", 31, "runs of each measurement of a plan of at most 1,000 tasks, which takes milliseconds and varies by more than that")
	peerFile := fs.String("peer", "", "a peer's annex times, lines of \"TASKS SECONDS\" (default: Typst 0.7 as recorded in issue 15)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	peer := recordedPeer
	if *peerFile != "" {
		var err error
		if peer, err = readPeer(*peerFile); err != nil {
			fmt.Fprintln(stderr, "benchtable:", err)
			return 1
		}
	}
	work, err := os.MkdirTemp("", "benchtable")
	if err != nil {
		fmt.Fprintln(stderr, "benchtable:", err)
		return 1
	}
	defer os.RemoveAll(work)
	bin := filepath.Join(work, "plandoc")
	build := exec.Command("go", "build", "-o", bin, "./cmd/plandoc")
	build.Dir = moduleRoot()
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(stderr, "benchtable: building plandoc (run from the repository's root): %v\n%s", err, out)
		return 1
	}
	fmt.Fprintln(stdout, "| plan | annex only | peer annex | ratio | whole render | peak RSS (whole) | annex µs/task | whole µs/task |")
	fmt.Fprintln(stdout, "|---|---|---|---|---|---|---|---|")
	for _, field := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n <= 0 {
			fmt.Fprintf(stderr, "benchtable: -sizes: %q is not a number of tasks\n", field)
			return 2
		}
		plan := filepath.Join(moduleRoot(), "data", "plans", "lhh-thanh-hoa-2021.toml")
		if n != 72 {
			plan = filepath.Join(work, fmt.Sprintf("plan-%d.toml", n))
			if err := os.WriteFile(plan, synth.Plan(n, 50), 0o644); err != nil {
				fmt.Fprintln(stderr, "benchtable:", err)
				return 1
			}
		}
		count := *runs
		if n <= 1000 {
			count = *smallRuns
		}
		annex, _, err := measure(bin, work, count, "-only", "annex", plan)
		if err != nil {
			fmt.Fprintln(stderr, "benchtable:", err)
			return 1
		}
		whole, rss, err := measure(bin, work, count, plan)
		if err != nil {
			fmt.Fprintln(stderr, "benchtable:", err)
			return 1
		}
		peerCell, ratio := "–", "–"
		if s, ok := peer[n]; ok {
			peerCell, ratio = fmt.Sprintf("%.3f s", s), fmt.Sprintf("%.2f", annex.Seconds()/s)
		}
		fmt.Fprintf(stdout, "| %d tasks | %.3f s | %s | %s | %.3f s | %d MB | %.0f | %.0f |\n", n, annex.Seconds(), peerCell, ratio,
			whole.Seconds(), rss>>20, float64(annex.Microseconds())/float64(n), float64(whole.Microseconds())/float64(n))
	}
	return 0
}

// measure runs plandoc render into a fresh folder runs times and returns
// the median wall time and the largest peak resident memory.
func measure(bin, work string, runs int, args ...string) (time.Duration, int64, error) {
	var times []time.Duration
	var peak int64
	for i := range runs {
		out := filepath.Join(work, fmt.Sprintf("out-%d", i))
		os.RemoveAll(out)
		cmd := exec.Command(bin, append([]string{"render", "-o", out}, args...)...)
		cmd.Env = append(os.Environ(), "LC_ALL=C.UTF-8")
		// Each run starts on a quiet disk, as on a clerk's machine: what
		// other programs (the build of plandoc just now, above all) left
		// waiting to be written is written first, outside the time. A
		// render syncs its folder's file system at once only when little
		// else waits (README, "The output folder is always one set").
		syscall.Sync()
		// What the render prints goes to /dev/null, as hyperfine sends it
		// by default: reading it into this process took a millisecond of
		// the 2021 render on two processors. Its errors are kept.
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			return 0, 0, fmt.Errorf("plandoc render %s: %v\n%s", strings.Join(args, " "), err, stderr.Bytes())
		}
		times = append(times, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, int64(ru.Maxrss)*1024) // kilobytes on Linux
		}
		os.RemoveAll(out)
	}
	slices.Sort(times)
	return times[len(times)/2], peak, nil
}

func readPeer(path string) (map[int]float64, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("-peer: %w", err)
	}
	defer f.Close()
	peer := map[int]float64{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		n, err1 := strconv.Atoi(fields[0])
		var s float64
		var err2 error
		if len(fields) == 2 {
			s, err2 = strconv.ParseFloat(fields[1], 64)
		}
		if len(fields) != 2 || err1 != nil || err2 != nil {
			return nil, fmt.Errorf("-peer %s:%d: want \"TASKS SECONDS\", got %q", path, line, sc.Text())
		}
		peer[n] = s
	}
	return peer, sc.Err()
}

// moduleRoot is the folder of plandoc's go.mod, above the working folder.
func moduleRoot() string {
	dir, _ := os.Getwd()
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		if filepath.Dir(d) == d {
			return dir
		}
	}
}
