package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
)

// Skipped is a file of a folder that was not loaded, and why.
type Skipped struct {
	File   string `json:"file"`
	Reason string `json:"reason"`
}

// pdfAdvice is what to do with a PDF, which the bot cannot read.
const pdfAdvice = "PDF is not supported: convert it to text with `pdftotext -layout FILE.pdf`, or save it as Word (.docx) and load that"

// errPDF is returned (wrapped) for a file whose content is a PDF.
var errPDF = errors.New(pdfAdvice)

// unsupportedExt names why a file of a known format the bot cannot read
// is not loaded; "" for every other file.
func unsupportedExt(name string) string {
	if strings.EqualFold(filepath.Ext(name), ".pdf") {
		return pdfAdvice
	}
	return ""
}

// checkSupported recognises content the bot cannot read whatever the file
// is called: a PDF renamed .txt would otherwise read as binary text.
func checkSupported(data []byte) error {
	if bytes.HasPrefix(data, []byte("%PDF-")) {
		return errPDF
	}
	return nil
}

// skippedNote lists skipped files for an error message.
func skippedNote(skipped []Skipped) string {
	if len(skipped) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("; skipped:")
	for _, s := range skipped {
		fmt.Fprintf(&b, " %s (%s);", filepath.Base(s.File), s.Reason)
	}
	return strings.TrimSuffix(b.String(), ";")
}
