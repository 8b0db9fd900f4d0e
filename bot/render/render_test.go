package render

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"yearbookbot/retrieval"
)

var src = retrieval.Source{
	ParagraphID: "qd-7",
	Chapter:     "海洋攻势",
	Section:     "壮大海洋产业",
	Sources:     []string{"市海洋发展局", "市发展改革委"},
}

const srcLine = "📖 海洋攻势 › 壮大海洋产业（市海洋发展局、市发展改革委）"

func fact(text string, figures ...string) retrieval.Fact {
	f := retrieval.Fact{Text: text, Source: src}
	for _, fig := range figures {
		i := strings.Index(text, fig)
		f.Figures = append(f.Figures, retrieval.Span{Start: i, End: i + len(fig)})
	}
	return f
}

// visible parses Telegram HTML the way the Bot API does for the subset we
// emit, failing on anything it would reject, and returns the visible text.
func visible(t *testing.T, h string) string {
	t.Helper()
	var out strings.Builder
	open := false
	for i := 0; i < len(h); {
		switch {
		case strings.HasPrefix(h[i:], "<b>"):
			if open {
				t.Fatalf("nested <b> at %d", i)
			}
			open = true
			i += 3
		case strings.HasPrefix(h[i:], "</b>"):
			if !open {
				t.Fatalf("</b> without <b> at %d", i)
			}
			open = false
			i += 4
		case h[i] == '<' || h[i] == '>':
			t.Fatalf("raw %q at %d in %q", h[i], i, h[max(0, i-20):min(len(h), i+20)])
		case h[i] == '&':
			ok := false
			for ent, ch := range map[string]string{"&lt;": "<", "&gt;": ">", "&amp;": "&"} {
				if strings.HasPrefix(h[i:], ent) {
					out.WriteString(ch)
					i += len(ent)
					ok = true
					break
				}
			}
			if !ok {
				t.Fatalf("bare & at %d", i)
			}
		default:
			out.WriteByte(h[i])
			i++
		}
	}
	if open {
		t.Fatal("unclosed <b>")
	}
	if !utf8.ValidString(out.String()) {
		t.Fatal("visible text is not valid UTF-8")
	}
	return out.String()
}

// checkMessage asserts the invariants every reply must keep.
func checkMessage(t *testing.T, m Message) {
	t.Helper()
	if got := visible(t, m.HTML); got != m.Text {
		t.Fatalf("HTML shows %q, Text is %q", got, m.Text)
	}
	if n := len(utf16.Encode([]rune(m.Text))); n > MaxRunes {
		t.Fatalf("text is %d UTF-16 units, limit %d", n, MaxRunes)
	}
}

func TestAnswerFiguresBoldAndSource(t *testing.T) {
	m := Answer(retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact("日产淡水22.4万立方米。", "22.4万立方米")}})
	checkMessage(t, m)
	if want := "日产淡水<b>22.4万立方米</b>。\n" + srcLine; m.HTML != want {
		t.Fatalf("HTML = %q, want %q", m.HTML, want)
	}
}

func TestAnswerGroupsFactsOfOneSource(t *testing.T) {
	other := fact("另一句。")
	other.Source = retrieval.Source{ParagraphID: "qd-9", Chapter: "综述", Section: "综述"}
	m := Answer(retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact("甲。"), fact("乙。"), other}})
	checkMessage(t, m)
	want := "甲。\n乙。\n" + srcLine + "\n另一句。\n📖 综述"
	if m.Text != want {
		t.Fatalf("Text = %q, want %q", m.Text, want)
	}
}

func TestEscapesDangerousText(t *testing.T) {
	for _, s := range []string{"<script>alert(1)</script>", "A & B > C < D", "&lt; literally", "<b>fake bold</b>", "\xff\xfe broken utf-8"} {
		t.Run(s, func(t *testing.T) {
			for _, m := range []Message{
				Answer(retrieval.Answer{Answered: true, Facts: []retrieval.Fact{{Text: s, Source: retrieval.Source{Chapter: s, Sources: []string{s}}}}}),
				Passage(retrieval.Hit{Text: s, Source: retrieval.Source{Chapter: s}}),
				Text(s),
				Answer(retrieval.Answer{Problem: s}),
			} {
				checkMessage(t, m)
				if !strings.Contains(m.Text, strings.ToValidUTF8(s, "\uFFFD")) {
					t.Fatalf("text %q lost %q", m.Text, s)
				}
			}
		})
	}
}

func TestHugeParagraphIsCutKeepingSource(t *testing.T) {
	huge := strings.Repeat("青岛<港>&吞吐量😀增长", 100<<10/30) // ~100 KB, with emoji and markup
	if len(huge) < 100<<10 {
		t.Fatalf("test paragraph is only %d bytes", len(huge))
	}
	m := Passage(retrieval.Hit{Text: huge, Source: src})
	checkMessage(t, m)
	if !strings.HasSuffix(m.Text, "…\n"+srcLine) {
		t.Fatalf("cut passage does not end with …and the source: %q", m.Text[len(m.Text)-200:])
	}
	if n := len(utf16.Encode([]rune(m.Text))); n < MaxRunes-10 {
		t.Fatalf("cut too early: %d units", n)
	}
}

func TestHugeFactCutInsideBold(t *testing.T) {
	fig := strings.Repeat("9", 10000)
	m := Answer(retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact("总量为"+fig+"吨。", fig)}})
	checkMessage(t, m)
	if !strings.HasSuffix(m.HTML, "</b>…\n"+srcLine) {
		t.Fatalf("HTML end = %q", m.HTML[len(m.HTML)-100:])
	}
}

func TestManyFactsKeepEachShownSource(t *testing.T) {
	var facts []retrieval.Fact
	for i := range 500 {
		f := fact(fmt.Sprintf("第%d句<有>数字%d。", i, i*7))
		f.Source.ParagraphID = fmt.Sprint("p", i)
		f.Source.Section = fmt.Sprint("节", i)
		facts = append(facts, f)
	}
	m := Answer(retrieval.Answer{Answered: true, Facts: facts})
	checkMessage(t, m)
	lines := strings.Split(m.Text, "\n")
	if !strings.HasPrefix(lines[len(lines)-1], "📖 ") && lines[len(lines)-1] != "…" {
		t.Fatalf("last line %q is neither a source nor …", lines[len(lines)-1])
	}
	for i := 0; i+1 < len(lines); i += 2 {
		if !strings.HasPrefix(lines[i+1], "📖 ") && !strings.HasSuffix(lines[i], "…") {
			t.Fatalf("fact %q not followed by its source: %q", lines[i], lines[i+1])
		}
	}
}

func TestHugeSourceLabelIsBounded(t *testing.T) {
	s := src
	s.Sources = []string{strings.Repeat("局", 20000)}
	m := Answer(retrieval.Answer{Answered: true, Facts: []retrieval.Fact{{Text: "短句。", Source: s}}})
	checkMessage(t, m)
	if !strings.HasPrefix(m.Text, "短句。\n📖 ") {
		t.Fatalf("fact lost behind a huge label: %q", m.Text[:50])
	}
}

func TestBadSpansAreIgnored(t *testing.T) {
	f := retrieval.Fact{Text: "增长68.1%。", Source: src, Figures: []retrieval.Span{{Start: 1, End: 4}, {Start: 6, End: 11}, {Start: 5, End: 500}, {Start: 8, End: 7}}}
	m := Answer(retrieval.Answer{Answered: true, Facts: []retrieval.Fact{f}})
	checkMessage(t, m)
	if !strings.HasPrefix(m.HTML, "增长<b>68.1%</b>。") {
		t.Fatalf("HTML = %q", m.HTML)
	}
	if got := Figures(f); len(got) != 1 || got[0] != "68.1%" {
		t.Fatalf("Figures = %q", got)
	}
}

func TestNotFoundListsClosestSections(t *testing.T) {
	m := Answer(retrieval.Answer{Hits: []retrieval.Hit{{Source: src}, {Source: src}, {Source: retrieval.Source{Chapter: "综述", Section: "综述"}}}})
	checkMessage(t, m)
	want := "年鉴中没有找到这个问题的答案。\n相近的内容：\n· 海洋攻势 › 壮大海洋产业\n· 综述"
	if m.Text != want {
		t.Fatalf("Text = %q, want %q", m.Text, want)
	}
}

func TestVerdictLeads(t *testing.T) {
	f := fact("集装箱吞吐量2201万标准箱。", "2201万标准箱")
	m := Answer(retrieval.Answer{Answered: true, Verdict: "是", Facts: []retrieval.Fact{f}})
	checkMessage(t, m)
	if !strings.HasPrefix(m.Text, "是。\n集装箱吞吐量2201万标准箱。") || !strings.HasPrefix(m.HTML, "<b>是。</b>\n") {
		t.Fatalf("Text = %q, HTML = %q", m.Text, m.HTML)
	}
}

// A refusal shows the closest sentence the selector found, plainly and
// labelled as not the answer, instead of section names only.
func TestNotFoundShowsRelatedContent(t *testing.T) {
	rel := retrieval.Fact{Text: "集装箱吞吐量2201万标准箱，增长4.7%。", Figures: []retrieval.Span{}, Source: src}
	m := Answer(retrieval.Answer{Related: []retrieval.Fact{rel}, Hits: []retrieval.Hit{{Source: src}}})
	checkMessage(t, m)
	want := "年鉴中没有找到这个问题的答案。\n相关内容（不是答案，仅供参考）：\n集装箱吞吐量2201万标准箱，增长4.7%。\n📖 " + SourceLabel(src, true)
	if m.Text != want {
		t.Fatalf("Text = %q, want %q", m.Text, want)
	}
	if strings.Contains(m.HTML, "<b>") {
		t.Errorf("related content shown in bold, as if it were the answer: %q", m.HTML)
	}
}

func TestMoreAndBuilder(t *testing.T) {
	m := More("更多：", []retrieval.Fact{fact("增长<9%>。", "9%"), fact("B&B。")})
	checkMessage(t, m)
	if want := "更多：\n\n增长&lt;<b>9%</b>&gt;。\n" + srcLine + "\n\nB&amp;B。\n" + srcLine; m.HTML != want {
		t.Fatalf("HTML = %q, want %q", m.HTML, want)
	}
	var b Builder
	for range 3000 {
		b.Bold("<章>")
		b.Plain(" & 节\n")
	}
	checkMessage(t, b.Message())
}

func TestCut(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{{"青岛港", 3, "青岛港"}, {"青岛港口", 3, "青岛…"}, {"abc", 0, ""}, {"", 5, ""}} {
		if got := Cut(c.in, c.n); got != c.want {
			t.Errorf("Cut(%q, %d) = %q, want %q", c.in, c.n, got, c.want)
		}
	}
}

func TestQuoteEndsWithoutDanglingPunctuation(t *testing.T) {
	m := Answer(retrieval.Answer{Answered: true, Facts: []retrieval.Fact{
		fact("2020年6月底,完成机场竣工验收;", "6月底"), fact("海水淡化能力达每日22.4万立方米,", "22.4万立方米"),
	}})
	checkMessage(t, m)
	want := "2020年<b>6月底</b>,完成机场竣工验收\n海水淡化能力达每日<b>22.4万立方米</b>\n" + srcLine
	if m.HTML != want {
		t.Fatalf("HTML = %q, want %q", m.HTML, want)
	}
}

func TestQuestionAndAnswer(t *testing.T) {
	a := retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact("日产淡水22.4万立方米。", "22.4万立方米")}}
	m := QuestionAndAnswer("海水 淡化<能力>多少？", a)
	checkMessage(t, m)
	if want := "<b>问：</b>海水 淡化&lt;能力&gt;多少？\n日产淡水<b>22.4万立方米</b>。\n" + srcLine; m.HTML != want {
		t.Fatalf("HTML = %q, want %q", m.HTML, want)
	}
	// However long the question and the answer, the message fits and the
	// answer's source is shown.
	long := retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact(strings.Repeat("长", 5000)+"1吨", "1吨")}}
	m = QuestionAndAnswer(strings.Repeat("问", 5000), long)
	checkMessage(t, m)
	if !strings.HasSuffix(m.Text, srcLine) || !strings.Contains(m.Text, "…") {
		t.Fatalf("long question and answer: %q…%q", m.Text[:40], m.Text[len(m.Text)-80:])
	}
}

// Among several loaded documents every source names its yearbook first.
func TestSourceNamesYearbookInALibrary(t *testing.T) {
	s := src
	s.Yearbook = "青岛年鉴2021"
	if got := SourceLabel(s, false); got != "海洋攻势 › 壮大海洋产业" {
		t.Errorf("one document: %q", got)
	}
	s.ShowYearbook = true
	if got, want := SourceLabel(s, false), "《青岛年鉴2021》 › 海洋攻势 › 壮大海洋产业"; got != want {
		t.Errorf("library: %q, want %q", got, want)
	}
	f := fact("甲。")
	f.Source = s
	if m := Answer(retrieval.Answer{Answered: true, Facts: []retrieval.Fact{f}}); !strings.Contains(m.Text, "📖 《青岛年鉴2021》 › 海洋攻势") {
		t.Errorf("answer %q does not name the yearbook", m.Text)
	}
}
