package main

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"yearbookbot/config"
)

// readmeSection returns the text of README.md's "## title" section.
func readmeSection(t *testing.T, title string) string {
	t.Helper()
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(b), "\n## "+title+"\n")
	if !ok {
		t.Fatalf("README has no section %q", title)
	}
	if i := strings.Index(rest, "\n## "); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// TestReadmeConfigurationTable: README's table lists exactly the settings
// of `yearbookbot help`, in its order, with the same flags and defaults.
func TestReadmeConfigurationTable(t *testing.T) {
	var rows [][]string
	for _, line := range strings.Split(readmeSection(t, "Configuration"), "\n") {
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		rows = append(rows, cells)
	}
	vars := config.Vars()
	var got, want []string
	for _, r := range rows {
		got = append(got, strings.Trim(r[0], "`"))
	}
	for _, v := range vars {
		want = append(want, v.Env)
	}
	if !slices.Equal(got, want) {
		t.Fatalf("README's configuration table lists %v,\nthe program %v", got, want)
	}
	for i, v := range vars {
		r := rows[i]
		flagCell := "—"
		if v.Flag != "" {
			flagCell = "`--" + v.Flag + "`"
		}
		if r[1] != flagCell {
			t.Errorf("%s: README's flag %s, the program's %s", v.Env, r[1], flagCell)
		}
		switch {
		case v.Default != "" && r[2] != "`"+v.Default+"`":
			t.Errorf("%s: README's default %s, the program's `%s`", v.Env, r[2], v.Default)
		case v.Default == "" && strings.HasPrefix(r[2], "`"):
			t.Errorf("%s: README gives the default %s, the program has none", v.Env, r[2])
		}
	}
}

var readmeCommandRE = regexp.MustCompile(`^yearbookbot(?: (\S+))?(.*?)(?:\s{2,}.*)?$`)

// TestReadmeCommandList: README's command list has one line per command
// of `yearbookbot help` with its arguments as help and -h show them, and
// no other; every flag of those arguments is a flag of that command, and
// every flag the command has besides the settings' is shown.
func TestReadmeCommandList(t *testing.T) {
	sec := readmeSection(t, "Commands")
	_, block, _ := strings.Cut(sec, "```\n")
	block, _, _ = strings.Cut(block, "```")
	readme := map[string]string{}
	for _, line := range strings.Split(block, "\n") {
		m := readmeCommandRE.FindStringSubmatch(line)
		if m == nil || m[1] == "" {
			continue
		}
		readme[m[1]] = strings.TrimSpace(m[2])
	}
	settingFlags := map[string]bool{}
	for _, v := range config.Vars() {
		settingFlags[v.Flag] = v.Flag != ""
	}
	seen := map[string]bool{"help": true}
	if args, ok := readme["help"]; !ok || args != "[COMMAND]" {
		t.Errorf("README shows `yearbookbot help %s`, want help [COMMAND]", args)
	}
	for _, c := range commands() {
		seen[c.name] = true
		args, ok := readme[c.name]
		if !ok {
			t.Errorf("README's command list lacks %s", c.name)
			continue
		}
		if args != c.args {
			t.Errorf("README: yearbookbot %s %s; help: yearbookbot %s %s", c.name, args, c.name, c.args)
		}
		fs, _, _ := c.flagSet()
		shown := map[string]bool{}
		for _, f := range regexp.MustCompile(`--([a-z-]+)`).FindAllStringSubmatch(c.args, -1) {
			shown[f[1]] = true
			if fs.Lookup(f[1]) == nil {
				t.Errorf("%s: README and help show --%s, which the command does not have", c.name, f[1])
			}
		}
		fs.VisitAll(func(f *flag.Flag) {
			if !settingFlags[f.Name] && !shown[f.Name] {
				t.Errorf("%s: its flag --%s is not in README's command list nor in help", c.name, f.Name)
			}
		})
	}
	for name := range readme {
		if !seen[name] {
			t.Errorf("README lists `yearbookbot %s`, which is no command", name)
		}
	}
}
