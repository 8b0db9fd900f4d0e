package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A folder with an empty and a binary file loads the rest; `corpus` lists
// the skipped files and the log warns of each. The outline shows each
// document's metadata.
func TestCorpusSkipsBadFiles(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"city.txt":  "# 示例市年鉴2022\n地区：示例市\n\n2021年，示例市地铁1号线开通运营，全长25.6公里。\n",
		"empty.txt": "",
		"blob.txt":  "\x00\x01\x02\x03",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := yb(t, map[string]string{"YEARBOOK_CORPUS": dir}, "", "corpus")
	if r.err != nil {
		t.Fatalf("corpus: %v\n%s", r.err, r.stderr)
	}
	for _, want := range []string{"示例市年鉴2022 (city.txt)", "yearbook, edition 2022, covers 2021, place 示例市",
		"skipped " + filepath.Join(dir, "empty.txt") + ": file is empty", "skipped " + filepath.Join(dir, "blob.txt") + ": binary file"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("outline lacks %q:\n%s", want, r.stdout)
		}
	}
	if strings.Count(r.stderr, "yearbook file skipped") != 2 {
		t.Errorf("log does not warn of both skipped files:\n%s", r.stderr)
	}
}
