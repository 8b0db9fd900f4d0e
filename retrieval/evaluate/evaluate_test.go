package evaluate

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

// passages is a small yearbook laid out on the lines the questions cite.
func passages() []corpus.Passage {
	p := func(line int, chapter, section, text string) corpus.Passage {
		return corpus.Passage{Yearbook: "青岛年鉴", Chapter: chapter, Section: section,
			Sources: []string{"市海洋发展局"}, Paragraph: corpus.Paragraph{ID: "p", Line: line, Text: text}}
	}
	return []corpus.Passage{
		p(12, "海洋攻势", "港口航运大幅提升", "青岛港完成集装箱吞吐量2201万标准箱,居全球第七位、全国第五位;海铁联运量165万标准箱,居全国沿海港口首位。"),
		p(13, "海洋攻势", "优化海洋环境", "高效完成浒苔处置工作。"),
		p(19, "“双招双引”攻势", "招商引资重大项目", "建设中日韩、以色列、人工智能等五大国际客厅。"),
		p(30, "交通基础设施建设攻势", "平度莱西建设", "新建改造“四好农村路”1703千米。"),
		p(43, "突破平度莱西攻势", "基础设施建设", "建设“四好农村路”1703千米。"),
		p(41, "突破平度莱西攻势", "开展“双招双引”", "签约亿元以上项目417个,拟备案飞地经济项目32个。"),
		p(60, "推进国有企业改革攻势", "市属企业高质量发展", "为民营企业和个体工商户减免房租9.5亿元。"),
	}
}

func newJudge(t *testing.T) *Judge {
	t.Helper()
	j, err := NewJudge(passages())
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func fact(line int, chapter, section, text string) retrieval.Fact {
	return retrieval.Fact{Text: text, Source: retrieval.Source{Line: line, Chapter: chapter, Section: section}}
}

var (
	qPort = Question{ID: "d006", Type: TypeTraditional, GoldLines: []int{12}, GoldFigures: []string{"2201万标准箱", "第五位"},
		Chapter: "海洋攻势", Section: "港口航运大幅提升"}
	qRent = Question{ID: "d033", Type: TypeFigure, GoldLines: []int{60}, GoldFigures: []string{"9.5亿元"},
		Chapter: "推进国有企业改革攻势", Section: "市属企业高质量发展"}
	qRoad = Question{ID: "d016", Type: TypeFigure, GoldLines: []int{30, 43}, GoldFigures: []string{"1703千米"},
		Chapter: "交通基础设施建设攻势", Section: "平度莱西建设"}
	qCount = Question{ID: "x", Type: TypeFigure, GoldLines: []int{41}, GoldFigures: []string{"32个"},
		Chapter: "突破平度莱西攻势", Section: "开展“双招双引”"}
	qHalls = Question{ID: "d010", Type: TypeEntity, GoldLines: []int{19}, GoldFigures: []string{"以色列", "人工智能"},
		Chapter: "双招双引攻势", Section: "招商引资重大项目"}
	qSeaweed = Question{ID: "d007", Type: TypeKeyword, GoldLines: []int{13}, Chapter: "海洋攻势", Section: "优化海洋环境"}
	qNone    = Question{ID: "d009", Type: TypeUnanswerable}
)

func TestJudge(t *testing.T) {
	answered := retrieval.Answer{Answered: true}
	refused := retrieval.Answer{Answered: false}
	tests := []struct {
		name    string
		q       Question
		a       retrieval.Answer
		reply   string
		correct bool
		abst    bool
		why     string
	}{
		{"figures and section", qPort, answered, "青岛港完成集装箱吞吐量2201万标准箱，居全国第五位。\n📖 海洋攻势 › 港口航运大幅提升（市海洋发展局）", true, false, ""},
		{"chapter alone is enough", qPort, answered, "2201万标准箱，全国第五位（海洋攻势）", true, false, ""},
		{"section alone is enough", qPort, answered, "2201万标准箱，全国第五位。来源：港口航运大幅提升", true, false, ""},
		{"攻势 may be omitted", qPort, answered, "2201万标准箱 第五位 —— 海洋", true, false, ""},
		{"full-width digits and spaces", qPort, answered, "２２０１ 万标准箱，第五位 📖 海洋攻势", true, false, ""},
		{"traditional reply", qPort, answered, "青島港集裝箱吞吐量2201萬標準箱，居全國第五位。📖 海洋攻勢 › 港口航運大幅提升", true, false, ""},
		{"one figure missing", qPort, answered, "2201万标准箱 📖 海洋攻势", false, false, "missing figure 第五位"},
		{"no source named", qPort, answered, "2201万标准箱，第五位。", false, false, "names none of"},
		{"wrong chapter", qPort, answered, "2201万标准箱，第五位 📖 交通基础设施建设攻势", false, false, "names none of"},
		{"figure inside a longer number", qCount, answered, "拟备案项目132个 📖 突破平度莱西攻势", false, false, "missing figure 32个"},
		{"decimal: 9.5 is not in 99.5", qRent, answered, "减免房租99.5亿元 📖 推进国有企业改革攻势", false, false, "missing figure 9.5亿元"},
		{"decimal: 9.5 not after a dot", qRent, answered, "减免房租0.9.5亿元 📖 推进国有企业改革攻势", false, false, "missing figure"},
		{"figure found at a later, clean position", qRent, answered, "99.5亿元? 不，9.5亿元 📖 推进国有企业改革攻势", true, false, ""},
		{"figure at the very start", qRent, answered, "9.5亿元 📖 推进国有企业改革", true, false, ""},
		{"unit is not converted", qRoad, answered, "1703公里 📖 交通基础设施建设攻势", false, false, "missing figure 1703千米"},
		{"two-chapter gold: first chapter", qRoad, answered, "1703千米 📖 交通基础设施建设攻势", true, false, ""},
		{"two-chapter gold: second chapter from the corpus", qRoad, answered, "1703千米 📖 突破平度莱西攻势 › 基础设施建设", true, false, ""},
		{"quotes may differ", qHalls, answered, "以色列、人工智能等五大国际客厅 📖 \"双招双引\"攻势", true, false, ""},
		{"quotes may be omitted", qHalls, answered, "以色列、人工智能 📖 双招双引", true, false, ""},
		{"quotes as in the corpus", qHalls, answered, "以色列、人工智能 📖 “双招双引”攻势 › 招商引资重大项目", true, false, ""},
		{"false abstention", qPort, refused, "年鉴中没有找到这个问题的答案。\n相近的内容：\n· 海洋攻势 › 港口航运大幅提升", false, true, "false abstention"},

		{"keyword built on the gold line", qSeaweed, retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact(13, "海洋攻势", "优化海洋环境", "高效完成浒苔处置工作。")}},
			"高效完成浒苔处置工作。📖 海洋攻势 › 优化海洋环境", true, false, ""},
		{"keyword: top hit when there are no facts", qSeaweed, retrieval.Answer{Answered: true, Hits: []retrieval.Hit{{Source: retrieval.Source{Line: 13}}}},
			"浒苔处置 📖 优化海洋环境", true, false, ""},
		{"keyword on another line", qSeaweed, retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact(12, "海洋攻势", "港口航运大幅提升", "…")},
			Hits: []retrieval.Hit{{Source: retrieval.Source{Line: 13}}}},
			"… 📖 海洋攻势 › 港口航运大幅提升", false, false, "not built on a gold line"},
		{"keyword without its source", qSeaweed, retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact(13, "", "", "高效完成浒苔处置工作。")}},
			"高效完成浒苔处置工作。", false, false, "names none of"},
		{"keyword refused", qSeaweed, retrieval.Answer{Answered: false, Hits: []retrieval.Hit{{Source: retrieval.Source{Line: 13}}}},
			"年鉴中没有找到这个问题的答案。", false, true, "false abstention"},

		{"unanswerable refused", qNone, refused, "年鉴中没有找到这个问题的答案。\n相近的内容：\n· 海洋攻势 › 概况", true, true, ""},
		{"unanswerable refused in traditional", qNone, refused, "年鑑中沒有找到這個問題的答案。", true, true, ""},
		{"unanswerable refused, other wording", qNone, refused, "抱歉，未找到相关内容。", true, true, ""},
		{"unanswerable answered", qNone, retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact(12, "海洋攻势", "", "增长6.1%")}},
			"海洋生产总值增长6.1% 📖 海洋攻势", false, false, "answered a question"},
		{"unanswerable: text says not found but engine answered", qNone, answered, "没有找到总量，增长6.1%", false, false, "answered a question"},
		{"unanswerable: refused silently", qNone, refused, "请换个问法。", false, false, "does not say"},
		{"unanswerable: refused with figures", qNone, retrieval.Answer{Answered: false, Facts: []retrieval.Fact{fact(12, "", "", "6.1%")}},
			"没有找到。6.1%", false, true, "presents figures"},
	}
	j := newJudge(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := j.Judge(tt.q, tt.a, tt.reply)
			if v.Correct != tt.correct || v.Abstained != tt.abst {
				t.Errorf("reply %q: correct=%v abstained=%v (why %q), want correct=%v abstained=%v",
					tt.reply, v.Correct, v.Abstained, v.Why, tt.correct, tt.abst)
			}
			if !strings.Contains(v.Why, tt.why) || (tt.why == "") != (v.Why == "") {
				t.Errorf("why = %q, want it to say %q", v.Why, tt.why)
			}
		})
	}
}

func TestCheckRefusesAQuestionSetForAnotherText(t *testing.T) {
	j := newJudge(t)
	if err := j.Check([]Question{qPort, qRoad, qSeaweed, qNone}); err != nil {
		t.Fatalf("fitting set refused: %v", err)
	}
	bad := []Question{
		{ID: "a", Type: TypeFigure, GoldLines: []int{99}, GoldFigures: []string{"1个"}},
		{ID: "b", Type: TypeFigure, GoldLines: []int{12}, GoldFigures: []string{"3000万标准箱"}},
	}
	err := j.Check(bad)
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{"a: gold line 99", `b: gold figure "3000万标准箱"`} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not say %q", err, w)
		}
	}
}

func TestLoad(t *testing.T) {
	f, err := os.Open("../testdata/dev-questions.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	qs, err := Load(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 50 {
		t.Fatalf("%d questions, want 50", len(qs))
	}
	d16 := qs[15]
	if d16.ID != "d016" || len(d16.GoldLines) != 2 || d16.GoldFigures[0] != "1703千米" || d16.Chapter != "交通基础设施建设攻势" {
		t.Errorf("d016 = %+v", d16)
	}
}

func TestLoadErrors(t *testing.T) {
	good := `{"id": "q1", "question": "多少", "type": "figure", "gold_lines": [1], "gold_figures": ["1个"], "chapter": "", "section": ""}`
	tests := []struct {
		name, input, want string
	}{
		{"bad JSON", good + "\n{\"id\": \n", "line 2: not a JSON object"},
		{"missing field", `{"id": "q1", "question": "x", "type": "figure", "gold_lines": [1], "chapter": "", "section": ""}`, `line 1: missing field "gold_figures"`},
		{"unknown field", strings.Replace(good, `"section"`, `"sectoin": "", "section"`, 1), "line 1: bad field"},
		{"wrong type of value", strings.Replace(good, `[1]`, `["1"]`, 1), "line 1: bad field"},
		{"unknown type", strings.Replace(good, `"figure"`, `"number"`, 1), `unknown type "number"`},
		{"duplicate id", good + "\n\n" + good, `line 3: id "q1" already used on line 1`},
		{"empty question", strings.Replace(good, `"多少"`, `" "`, 1), `"question" is empty`},
		{"line 0", strings.Replace(good, `[1]`, `[0]`, 1), "gold line 0"},
		{"answerable without lines", strings.Replace(good, `[1]`, `[]`, 1), "needs gold_lines"},
		{"figure question without figures", strings.Replace(good, `["1个"]`, `[]`, 1), "needs gold_figures"},
		{"unanswerable with lines", strings.Replace(good, `"figure"`, `"unanswerable"`, 1), "no gold lines"},
		{"empty", "\n\n", "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Load(strings.NewReader(tt.input))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// fakeAsker answers from a table and takes a set time per question.
type fakeAsker struct {
	answers map[string]retrieval.Answer
	delay   map[string]time.Duration
}

func (f fakeAsker) Ask(ctx context.Context, q string) (retrieval.Answer, error) {
	time.Sleep(f.delay[q])
	a, ok := f.answers[q]
	if !ok {
		return retrieval.Answer{}, errors.New("engine exploded")
	}
	return a, nil
}

func hit(line int) retrieval.Hit { return retrieval.Hit{Source: retrieval.Source{Line: line}} }

// render is a stand-in for bot/render: facts, then the source of the first.
func render(a retrieval.Answer) string {
	if !a.Answered {
		return "年鉴中没有找到这个问题的答案。"
	}
	var b strings.Builder
	for _, f := range a.Facts {
		b.WriteString(f.Text)
	}
	if len(a.Facts) > 0 {
		b.WriteString("\n📖 " + a.Facts[0].Source.Chapter + " › " + a.Facts[0].Source.Section)
	}
	return b.String()
}

func TestRun(t *testing.T) {
	qs := []Question{
		{ID: "q1", Question: "港口", Type: TypeFigure, GoldLines: []int{12}, GoldFigures: []string{"2201万标准箱"}, Chapter: "海洋攻势"},
		{ID: "q2", Question: "房租", Type: TypeFigure, GoldLines: []int{60}, GoldFigures: []string{"9.5亿元"}, Chapter: "推进国有企业改革攻势"},
		{ID: "q3", Question: "多项", Type: TypeMulti, GoldLines: []int{12, 41}, GoldFigures: []string{"2201万标准箱", "417个"}, Chapter: "海洋攻势"},
		{ID: "q4", Question: "总量", Type: TypeUnanswerable},
		{ID: "q5", Question: "爆炸", Type: TypeFigure, GoldLines: []int{60}, GoldFigures: []string{"9.5亿元"}, Chapter: "推进国有企业改革攻势"},
		{ID: "q6", Question: "路", Type: TypeFigure, GoldLines: []int{30, 43}, GoldFigures: []string{"1703千米"}, Chapter: "交通基础设施建设攻势"},
	}
	asker := fakeAsker{
		answers: map[string]retrieval.Answer{
			// right, retrieved first
			"港口": {Answered: true, Facts: []retrieval.Fact{fact(12, "海洋攻势", "港口航运大幅提升", "吞吐量2201万标准箱。")}, Hits: []retrieval.Hit{hit(12), hit(13)}},
			// false abstention, gold line only third
			"房租": {Answered: false, Hits: []retrieval.Hit{hit(13), hit(12), hit(60)}},
			// multi: both gold lines by rank 2, both figures
			"多项": {Answered: true, Facts: []retrieval.Fact{fact(12, "海洋攻势", "", "2201万标准箱"), fact(41, "", "", "、417个")}, Hits: []retrieval.Hit{hit(41), hit(12)}},
			// refused correctly
			"总量": {Answered: false, Hits: []retrieval.Hit{hit(13)}},
			// wrong figure, second gold line first
			"路": {Answered: true, Facts: []retrieval.Fact{fact(43, "突破平度莱西攻势", "基础设施建设", "1700千米")}, Hits: []retrieval.Hit{hit(43)}},
		},
		delay: map[string]time.Duration{"港口": 2 * time.Millisecond, "房租": 4 * time.Millisecond, "多项": 6 * time.Millisecond, "总量": 8 * time.Millisecond, "路": 30 * time.Millisecond},
	}
	r, err := Run(t.Context(), asker, render, newJudge(t), qs)
	if err != nil {
		t.Fatal(err)
	}
	if r.Questions != 6 || r.Correct != 3 || r.Accuracy != 0.5 {
		t.Errorf("accuracy %v (%d/%d), want 0.5 (3/6)", r.Accuracy, r.Correct, r.Questions)
	}
	wantTypes := []TypeScore{{TypeFigure, 4, 1, 0.25}, {TypeMulti, 1, 1, 1}, {TypeUnanswerable, 1, 1, 1}}
	if len(r.ByType) != len(wantTypes) {
		t.Fatalf("by type %+v", r.ByType)
	}
	for i, w := range wantTypes {
		if r.ByType[i] != w {
			t.Errorf("by type %d = %+v, want %+v", i, r.ByType[i], w)
		}
	}
	if r.Unanswerable != 1 || r.Refused != 1 || r.AbstentionRate != 1 {
		t.Errorf("abstention %d/%d = %v", r.Refused, r.Unanswerable, r.AbstentionRate)
	}
	if r.Answerable != 5 || r.FalseAbstentions != 1 || r.FalseAbstentionRate != 0.2 {
		t.Errorf("false abstentions %d/%d = %v", r.FalseAbstentions, r.Answerable, r.FalseAbstentionRate)
	}
	// ranks: q1 1, q2 3, q3 2, q5 0 (error), q6 1
	if r.Top1 != 0.4 || r.Top3 != 0.8 {
		t.Errorf("top1 %v top3 %v, want 0.4 0.8", r.Top1, r.Top3)
	}
	if r.LatencyP50 < 4*time.Millisecond || r.LatencyP50 >= 30*time.Millisecond || r.LatencyP99 < 30*time.Millisecond {
		t.Errorf("latency p50 %v p99 %v", r.LatencyP50, r.LatencyP99)
	}
	fails := r.Failures()
	if len(fails) != 3 || fails[0].ID != "q2" || fails[1].ID != "q5" || fails[2].ID != "q6" {
		t.Fatalf("failures %+v", fails)
	}
	if !strings.Contains(fails[1].Why, "ask failed: engine exploded") || !strings.Contains(fails[2].Why, "missing figure 1703千米") {
		t.Errorf("failure reasons %q, %q", fails[1].Why, fails[2].Why)
	}

	var text strings.Builder
	if err := r.WriteText(&text); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"accuracy 0.500 (3/6)", "multi", "false abstentions 1 of 5 answerable (20.0%)", "top-1 0.400, top-3 0.800",
		"q6 [figure] 路", "1700千米", "latency p50"} {
		if !strings.Contains(text.String(), w) {
			t.Errorf("text report lacks %q:\n%s", w, text.String())
		}
	}

	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back map[string]any
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if back["accuracy"] != 0.5 || back["latency_p99_ms"].(float64) < 30 || len(back["results"].([]any)) != 6 {
		t.Errorf("JSON report %s", data)
	}
	if res := back["results"].([]any)[5].(map[string]any); res["why"] == "" || res["latency_ms"] == nil || res["correct"] != false {
		t.Errorf("JSON result %v", res)
	}
}

func TestMedianReplyRunes(t *testing.T) {
	qs := []Question{
		{ID: "a", Question: "a", Type: TypeUnanswerable},
		{ID: "b", Question: "b", Type: TypeUnanswerable},
		{ID: "c", Question: "c", Type: TypeUnanswerable},
	}
	asker := fakeAsker{answers: map[string]retrieval.Answer{"a": {}, "b": {}, "c": {}}}
	i := 0
	replies := []string{"一二", "一二三四五", strings.Repeat("字", 300)}
	r, err := Run(t.Context(), asker, func(retrieval.Answer) string { i++; return replies[i-1] }, newJudge(t), qs)
	if err != nil {
		t.Fatal(err)
	}
	if r.MedianReplyRunes != 5 {
		t.Errorf("median %d runes, want 5 (characters, not bytes)", r.MedianReplyRunes)
	}
}

func TestRunStopsWithContext(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := Run(ctx, fakeAsker{}, render, newJudge(t), []Question{qNone})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestRunRefusesMismatchedSet(t *testing.T) {
	_, err := Run(t.Context(), fakeAsker{}, render, newJudge(t),
		[]Question{{ID: "z", Question: "?", Type: TypeFigure, GoldLines: []int{500}, GoldFigures: []string{"1"}}})
	if err == nil || !strings.Contains(err.Error(), "gold line 500") {
		t.Errorf("err = %v", err)
	}
}

func TestNewJudgeNeedsPassages(t *testing.T) {
	if _, err := NewJudge(nil); err == nil {
		t.Error("judge without a yearbook accepted")
	}
}

func TestPercentile(t *testing.T) {
	var ds []time.Duration
	for i := 1; i <= 100; i++ {
		ds = append(ds, time.Duration(i))
	}
	if p := percentile(ds, 0.5); p != 50 {
		t.Errorf("p50 of 1..100 = %d", p)
	}
	if p := percentile(ds, 0.99); p != 99 {
		t.Errorf("p99 of 1..100 = %d", p)
	}
	if p := percentile(ds[:1], 0.99); p != 1 {
		t.Errorf("p99 of one = %d", p)
	}
}

// A chapter's credit line is no paragraph, but a question about who wrote
// the chapter may name it as its gold line.
func TestCheckAcceptsAChapterCreditLine(t *testing.T) {
	yb, err := corpus.Default()
	if err != nil {
		t.Fatal(err)
	}
	var credit corpus.Passage
	for _, p := range yb.Passages() {
		if p.SourceLine > 0 && len(p.Sources) > 0 {
			credit = p
			break
		}
	}
	if credit.SourceLine == 0 {
		t.Fatal("the embedded yearbook has no chapter credit line")
	}
	j, err := NewJudge(yb.Passages())
	if err != nil {
		t.Fatal(err)
	}
	q := Question{ID: "c", Type: TypeEntity, GoldLines: []int{credit.SourceLine}, GoldFigures: []string{credit.Sources[0]},
		Chapter: credit.Chapter}
	if err := j.Check([]Question{q}); err != nil {
		t.Fatalf("credit line refused: %v", err)
	}
	a := retrieval.Answer{Answered: true, Facts: []retrieval.Fact{fact(credit.Paragraph.Line, credit.Chapter, credit.Section, credit.Paragraph.Text)}}
	reply := credit.Chapter + "（" + strings.Join(credit.Sources, "、") + "）"
	if v := j.Judge(q, a, reply); !v.Correct {
		t.Errorf("reply %q naming the chapter and its source judged wrong: %s", reply, v.Why)
	}
}

// countingAsker counts the times each question is asked.
type countingAsker struct {
	mu    sync.Mutex
	asked map[string]int
}

func (c *countingAsker) Ask(_ context.Context, q string) (retrieval.Answer, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.asked[q]++
	return retrieval.Answer{}, nil
}

func TestRunOnceAsksOnceAndRunTimesEachQuestion(t *testing.T) {
	qs := []Question{{ID: "q1", Question: "甲", Type: TypeUnanswerable}, {ID: "q2", Question: "乙", Type: TypeUnanswerable}}
	for _, tc := range []struct {
		name string
		run  func(context.Context, retrieval.Asker, func(retrieval.Answer) string, *Judge, []Question) (Report, error)
		want int
	}{
		{"Run", Run, timedRounds},
		{"RunOnce", RunOnce, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			asker := &countingAsker{asked: map[string]int{}}
			r, err := tc.run(t.Context(), asker, render, newJudge(t), qs)
			if err != nil {
				t.Fatal(err)
			}
			if r.Correct != 2 {
				t.Errorf("correct %d, want 2 refusals", r.Correct)
			}
			for _, q := range qs {
				if asker.asked[q.Question] != tc.want {
					t.Errorf("%s asked %d times, want %d", q.Question, asker.asked[q.Question], tc.want)
				}
			}
		})
	}
}
