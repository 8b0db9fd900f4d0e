package corpus

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

//go:embed qingdao-yearbook-2021-offensives.txt
var embedded []byte

const (
	embeddedName  = "qingdao-yearbook-2021-offensives.txt"
	embeddedTitle = "青岛年鉴2021·15个攻势"
	// maxFileBytes bounds what Load reads: a yearbook is text, and a
	// multi-hundred-megabyte file is a mistake, not a book.
	maxFileBytes = 64 << 20
)

//go:embed qingdao-yearbook-2021-offensives.meta.json
var embeddedMeta []byte

// Default returns the embedded Qingdao yearbook (2021 edition, covering
// 2020), with the metadata of its data file.
func Default() (Yearbook, error) {
	decl, err := parseDeclared(embeddedMeta)
	if err != nil {
		return Yearbook{}, fmt.Errorf("embedded yearbook: %w", err)
	}
	if decl.Title == "" {
		decl.Title = embeddedTitle
	}
	yb, err := parse(embeddedName, embedded, decl)
	if err != nil {
		return Yearbook{}, fmt.Errorf("embedded yearbook: %w", err)
	}
	return yb, nil
}

// Parse reads one yearbook from the bytes of a file. The encoding and the
// format are detected; name is the file's name, used in errors, as File,
// and for the title when the text has none. Metadata the file declares
// (front matter, header lines) wins over what is inferred.
func Parse(name string, data []byte) (Yearbook, error) {
	return parse(name, data, Declared{})
}

// ParseAs is Parse with metadata given by the caller, which wins over what
// the file declares (a library built from one file under several titles).
func ParseAs(name string, data []byte, decl Declared) (Yearbook, error) {
	return parse(name, data, decl)
}

func parse(name string, data []byte, decl Declared) (Yearbook, error) {
	if name == "" {
		name = "untitled"
	}
	if err := checkSupported(data); err != nil {
		return Yearbook{}, fmt.Errorf("%s: %w", name, err)
	}
	docTitle, chapters, fileDecl, err := readDocument(name, data)
	if err != nil {
		return Yearbook{}, fmt.Errorf("%s: %w", name, err)
	}
	decl = decl.merge(fileDecl)
	title := decl.Title
	if title == "" {
		title = docTitle
	}
	if title == "" {
		title = titleFromName(name)
	}
	decl.Title = title
	file := filepath.Base(name)
	prefix := idPrefix(file)
	n := 0
	for ci := range chapters {
		for si := range chapters[ci].Sections {
			ps := chapters[ci].Sections[si].Paragraphs
			for pi := range ps {
				ps[pi].ID = paragraphID(prefix, ps[pi])
				n++
			}
		}
	}
	if n == 0 {
		return Yearbook{}, fmt.Errorf("%s: %w", name, errNoParagraphs)
	}
	splitLong(chapters)
	yb := Yearbook{Title: title, File: file, Chapters: chapters}
	annotate(&yb, decl)
	return yb, nil
}

// idPrefix ties paragraph ids to the file name, so they stay the same across
// runs and differ between yearbooks loaded together, while a line id such as
// "3fa9c1-12" stays short enough for Telegram's 64-byte callback data.
func idPrefix(file string) string {
	sum := sha256.Sum256([]byte(file))
	return hex.EncodeToString(sum[:3])
}

func titleFromName(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	t := strings.Join(strings.FieldsFunc(base, func(r rune) bool { return r == '-' || r == '_' || r == ' ' }), " ")
	if t == "" {
		return base
	}
	return t
}

// dominantYear is the year the text speaks of most, which is the year a
// yearbook covers (the 2021 edition reports on 2020).
func dominantYear(text string) int {
	counts := map[int]int{}
	best := 0
	for rest, off := text, 0; ; {
		i := strings.Index(rest, "年")
		if i < 0 {
			break
		}
		pos := off + i
		if pos >= 4 && (pos == 4 || !isDigit(text[pos-5])) && isYear(text[pos-4:pos]) {
			y, _ := strconv.Atoi(text[pos-4 : pos])
			counts[y]++
			if counts[y] > counts[best] || counts[y] == counts[best] && y > best {
				best = y
			}
		}
		rest, off = rest[i+len("年"):], pos+len("年")
	}
	return best
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// Load reads the yearbooks at path: one file, or every *.txt, *.md,
// *.markdown, *.docx, *.html and *.htm file of a folder (not its
// subfolders, not hidden files), in name order. In a folder, files that
// cannot be read are skipped (see LoadAll); a single file that cannot be
// read is an error.
func Load(path string) ([]Yearbook, error) {
	ybs, _, err := LoadAll(path)
	return ybs, err
}

// LoadAll is Load that also returns the files of a folder it skipped and
// why: empty, binary or undecodable files, formats it cannot read (PDF),
// and files whose content another file already has. It fails only when
// nothing could be loaded.
func LoadAll(path string) ([]Yearbook, []Skipped, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("load yearbooks: %w", err)
	}
	if !info.IsDir() {
		yb, err := loadFile(path)
		if err != nil {
			return nil, nil, fmt.Errorf("load yearbooks: %w", err)
		}
		return []Yearbook{yb}, nil, nil
	}
	entries, err := os.ReadDir(path)
	if err != nil {
		return nil, nil, fmt.Errorf("load yearbooks: %w", err)
	}
	var files []string
	var skipped []Skipped
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		if reason := unsupportedExt(name); reason != "" {
			skipped = append(skipped, Skipped{File: filepath.Join(path, name), Reason: reason})
			continue
		}
		if !yearbookExt(name) {
			continue
		}
		full := filepath.Join(path, name)
		if fi, err := os.Stat(full); err != nil || !fi.Mode().IsRegular() {
			continue
		}
		files = append(files, full)
	}
	if len(files) == 0 {
		return nil, skipped, fmt.Errorf("load yearbooks: folder %s has no yearbook files (*.txt, *.md, *.markdown, *.docx, *.html, *.htm)%s", path, skippedNote(skipped))
	}
	ybs, more := loadFiles(files)
	skipped = append(skipped, more...)
	slices.SortFunc(skipped, func(a, b Skipped) int { return strings.Compare(a.File, b.File) })
	if len(ybs) == 0 {
		return nil, skipped, fmt.Errorf("load yearbooks: no file of folder %s could be read%s", path, skippedNote(skipped))
	}
	return ybs, skipped, nil
}

// loadFiles reads the files of a folder, skipping those it cannot read and
// those with the content of one read before.
func loadFiles(files []string) ([]Yearbook, []Skipped) {
	var (
		ybs     []Yearbook
		skipped []Skipped
	)
	owner := map[string]string{} // id prefix → file
	byHash := map[[32]byte]string{}
	for _, f := range files {
		data, err := readLimited(f)
		if err == nil {
			sum := sha256.Sum256(data)
			if first, dup := byHash[sum]; dup {
				skipped = append(skipped, Skipped{File: f, Reason: "same content as " + filepath.Base(first) + ": loaded once"})
				continue
			}
			byHash[sum] = f
		}
		var yb Yearbook
		if err == nil {
			yb, err = Parse(f, data)
		}
		if err == nil {
			p := idPrefix(yb.File)
			if other, dup := owner[p]; dup {
				err = fmt.Errorf("%s would share paragraph ids with %s; rename one", f, other)
			}
			owner[p] = f
		}
		if err != nil {
			skipped = append(skipped, Skipped{File: f, Reason: strings.TrimPrefix(err.Error(), f+": ")})
			continue
		}
		ybs = append(ybs, yb)
	}
	return ybs, skipped
}

func loadFile(path string) (Yearbook, error) {
	if reason := unsupportedExt(path); reason != "" {
		return Yearbook{}, fmt.Errorf("%s: %s", path, reason)
	}
	data, err := readLimited(path)
	if err != nil {
		return Yearbook{}, err
	}
	return Parse(path, data)
}

func yearbookExt(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".docx", ".html", ".htm":
		return true
	}
	return false
}

func readLimited(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(data) > maxFileBytes {
		return nil, fmt.Errorf("%s: too large for a yearbook (over %d bytes)", path, maxFileBytes)
	}
	return data, nil
}

// errNoParagraphs is returned (wrapped) for a text with nothing to index.
var errNoParagraphs = errors.New("no paragraphs found")
