package main

import (
	"flag"
	"os"
	"runtime"
	"strings"

	"github.com/plandoc/plandoc/data/msg"
)

// chooseLanguage sets the language of every message from -lang, wherever
// it stands among the arguments (before the command, or among its flags),
// else from the environment; it returns the arguments without a leading
// -lang, so the command is still the first.
func chooseLanguage(args []string) ([]string, error) {
	value := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		name, v, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "lang" {
			continue
		}
		if !hasValue && i+1 < len(args) {
			v = args[i+1]
		}
		value = v
	}
	lang, err := msg.Detect(value, os.Getenv, msg.UILanguage, runtime.GOOS == "windows")
	msg.Use(lang)
	if err != nil {
		return args, err
	}
	if len(args) > 0 && strings.TrimLeft(args[0], "-") == "lang" {
		args = args[min(2, len(args)):]
	} else if len(args) > 0 && strings.HasPrefix(strings.TrimLeft(args[0], "-"), "lang=") {
		args = args[1:]
	}
	return args, nil
}

// langFlag lets a command's flags take -lang, which chooseLanguage has
// already applied.
func langFlag(fs *flag.FlagSet) {
	fs.String("lang", "", "the language of messages: vi (Tiếng Việt) or en; by default the system's")
}
