package bot

import (
	"context"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"yearbookbot/corpus"
)

// exampleQuestions builds up to n example questions from the loaded
// yearbooks, one chapter after another, so /help and inline mode show what
// the bot can really answer: a clause that states a figure ("第三十届青岛国际
// 啤酒节吸引游客200余万人次") becomes a question about it ("第三十届青岛国际啤
// 酒节吸引游客多少？"). A candidate is kept only if the engine answers it.
func exampleQuestions(ctx context.Context, e Engine, n int) []string {
	var perChapter [][]string
	for _, y := range e.Yearbooks() {
		for _, c := range y.Chapters {
			var qs []string
			for _, s := range c.Sections {
				for _, p := range s.Paragraphs {
					if p.Kind == corpus.KindParagraph || p.Kind == "" {
						qs = append(qs, figureQuestions(p.Text)...)
					}
				}
			}
			// Short questions read best as examples; file order otherwise.
			sort.SliceStable(qs, func(i, j int) bool {
				return utf8.RuneCountInString(qs[i]) <= 18 && utf8.RuneCountInString(qs[j]) > 18
			})
			if len(qs) > 0 {
				perChapter = append(perChapter, qs)
			}
		}
	}
	var out []string
	seen := map[string]bool{}
	// Round robin over chapters so the examples show the yearbook's breadth;
	// the number of engine calls is bounded whatever the corpus size.
	tries := 0
	for round := 0; len(out) < n && tries < 8*n; round++ {
		progressed := false
		for _, qs := range perChapter {
			if len(out) >= n || tries >= 8*n {
				break
			}
			if round >= len(qs) {
				continue
			}
			progressed = true
			q := qs[round]
			if seen[q] {
				continue
			}
			seen[q] = true
			tries++
			a, err := e.Ask(ctx, q)
			if err != nil || !a.Answered || a.Problem != "" {
				continue
			}
			out = append(out, q)
		}
		if !progressed {
			break
		}
	}
	return out
}

// figureQuestions turns each clause of a paragraph that ends on a figure
// ("…吸引游客200余万人次") into a question about it ("…吸引游客多少？").
func figureQuestions(text string) []string {
	var out []string
	for _, clause := range strings.FieldsFunc(text, func(r rune) bool {
		return strings.ContainsRune("。；;！？!?，,：:", r)
	}) {
		end := strings.LastIndexFunc(clause, unicode.IsDigit)
		if end < 0 {
			continue
		}
		start := end
		for start > 0 && (unicode.IsDigit(rune(clause[start-1])) || clause[start-1] == '.') {
			start--
		}
		// The figure must close the clause with at most a short unit after
		// it, be a quantity (not a date, a line number, an anniversary) and
		// stand alone (not the second half of "1/3" or "30∶1").
		unit := clause[end+1:]
		if utf8.RuneCountInString(unit) > 5 || hasAnyPrefix(unit, "年", "月", "日", "号", "周年", "届", "期") {
			continue
		}
		subject := strings.TrimSpace(clause[:start])
		subject = strings.TrimRight(subject, "约近达超为了共逾")
		n := utf8.RuneCountInString(subject)
		// A subject starting like a continuation ("占全部…的", "其中…")
		// depends on the clause before it and makes no question alone.
		if n < 6 || n > 30 || strings.ContainsAny(subject, "()（）、/∶:") ||
			strings.HasSuffix(subject, "的") || strings.HasSuffix(subject, "第") ||
			strings.Count(subject, "“") != strings.Count(subject, "”") ||
			strings.Count(subject, "《") != strings.Count(subject, "》") ||
			hasAnyPrefix(subject, "占", "达", "高于", "低于", "约", "其中", "比", "较", "同比", "分别", "居", "为", "均", "累计达") {
			continue
		}
		out = append(out, subject+"多少？")
	}
	return out
}

func hasAnyPrefix(s string, prefixes ...string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
