// Command gendict writes the trimmed gse dictionary and the word list that
// package retrieval embeds. Run it through `go generate ./retrieval`.
//
// The trimmed dictionary holds gse's zh_s entries for every word occurring
// in the embedded yearbook plus the -top most frequent zh_s words, and a
// sentinel entry that keeps gse's total frequency, so the yearbook and
// typical questions segment exactly as with the full dictionary while it
// loads in milliseconds. The word list (words only, no frequencies) lets
// question analysis recognise zh_s words the trimmed dictionary leaves out.
// The lexicon (every zh_s entry with its frequency) lets an index of other
// documents extend the trimmed dictionary without loading gse's.
package main

import (
	"flag"
	"fmt"
	"log/slog"
	"maps"
	"os"
	"strings"

	"yearbookbot/corpus"
	"yearbookbot/retrieval/internal/dict"
)

func main() {
	top := flag.Int("top", 20000, "number of most frequent zh_s words to keep besides the yearbook's words")
	dictOut := flag.String("dict", "dict.txt.gz", "trimmed dictionary output (gzip)")
	wordsOut := flag.String("words", "words.txt", "word list output (plain text: the engine searches it in place)")
	keepFile := flag.String("keep", "keep_words.txt", "words to keep whatever their frequency (question words)")
	sumOut := flag.String("sum", "dict.sum", "fingerprint of the yearbook the dictionary was made for")
	lexiconOut := flag.String("lexicon", "lexicon.txt.gz", "every zh_s entry, most frequent first (gzip), for indexes of other documents")
	flag.Parse()
	if err := run(*top, *keepFile, *dictOut, *wordsOut, *sumOut, *lexiconOut); err != nil {
		slog.Error("gendict failed", "err", err)
		os.Exit(1)
	}
}

func run(top int, keepFile, dictOut, wordsOut, sumOut, lexiconOut string) error {
	yb, err := corpus.Default()
	if err != nil {
		return err
	}
	texts := dict.Texts(yb)
	full, err := dict.Full()
	if err != nil {
		return err
	}
	occ := dict.Occurring(full, texts)
	keep, err := os.ReadFile(keepFile)
	if err != nil {
		return fmt.Errorf("read keep list: %w", err)
	}
	want := maps.Clone(occ)
	for line := range strings.Lines(string(keep)) {
		if strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		for _, w := range strings.Fields(line) {
			want[dict.Fold(w)] = true
		}
	}
	entries := dict.Select(full, want, top)
	if err := write(dictOut, dict.Format(entries)); err != nil {
		return err
	}
	if err := writePlain(wordsOut, dict.Words(full)); err != nil {
		return err
	}
	lex, err := dict.LexiconText(full)
	if err != nil {
		return err
	}
	if err := write(lexiconOut, lex); err != nil {
		return err
	}
	if err := os.WriteFile(sumOut, []byte(dict.Sum(texts)+"\n"), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", sumOut, err)
	}
	slog.Info("dictionary written", "yearbook_words", len(occ), "entries", len(entries), "out", dictOut)
	return nil
}

func write(path, s string) error {
	b, err := dict.Gzip(s)
	if err != nil {
		return fmt.Errorf("compress %s: %w", path, err)
	}
	return writeBytes(path, b)
}

func writePlain(path, s string) error { return writeBytes(path, []byte(s)) }

func writeBytes(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("rename %s: %w", tmp, err)
	}
	return nil
}
