package retrieval_test

import (
	"errors"
	"strings"
	"testing"

	"yearbookbot/bot/render"
	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

func mustParse(t *testing.T, name, text string) corpus.Yearbook {
	t.Helper()
	yb, err := corpus.Parse(name, []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	return yb
}

// Two editions of one small yearbook, the same metrics with different
// figures, and a second place's yearbook.
func editionsLibrary(t *testing.T) []corpus.Yearbook {
	return []corpus.Yearbook{
		mustParse(t, "sample-2022.txt", "# 示例市年鉴2022\n地区：示例市\n别名：示例\n\n2021年，示例市地区生产总值1000亿元，比上年增长5.1%。2021年末，全市常住人口300万人。\n"),
		mustParse(t, "sample-2023.txt", "# 示例市年鉴2023\n地区：示例市\n别名：示例\n\n2022年，示例市地区生产总值1100亿元，比上年增长6.2%。2022年末，全市常住人口310万人。\n"),
		mustParse(t, "other-2023.txt", "# 样本县年鉴2023\n地区：样本县\n别名：样本\n\n2022年，样本县地区生产总值200亿元，比上年增长3.3%。\n"),
	}
}

func TestEditions(t *testing.T) {
	e, err := retrieval.Build(t.Context(), editionsLibrary(t), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for _, tc := range []struct {
		question, scope string
		figure, edition string
	}{
		{"示例市去年地区生产总值多少", "", "1100亿元", "示例市年鉴2023"},
		{"示例市前年地区生产总值多少", "", "1000亿元", "示例市年鉴2022"},
		{"示例市2021年地区生产总值多少", "", "1000亿元", "示例市年鉴2022"},
		{"2022年地区生产总值多少", "示例市", "1100亿元", "示例市年鉴2023"},
		{"地区生产总值多少", "示例市", "1100亿元", "示例市年鉴2023"},
		{"去年地区生产总值多少", "示例市", "1100亿元", "示例市年鉴2023"},
		{"2021年常住人口多少", "示例", "300万人", "示例市年鉴2022"},
		// A title or a file is a scope too.
		{"地区生产总值多少", "示例市年鉴2022", "1000亿元", "示例市年鉴2022"},
		{"地区生产总值多少", "sample-2022.txt", "1000亿元", "示例市年鉴2022"},
	} {
		t.Run(tc.question+"@"+tc.scope, func(t *testing.T) {
			a, err := e.AskIn(t.Context(), tc.question, tc.scope)
			if err != nil {
				t.Fatal(err)
			}
			text := render.Answer(a).Text
			if !a.Answered || a.Facts[0].Source.Yearbook != tc.edition || !strings.Contains(a.Facts[0].Text, tc.figure) {
				t.Fatalf("reply %q, want %s from %s", text, tc.figure, tc.edition)
			}
			if !strings.Contains(text, "《"+tc.edition+"》") {
				t.Errorf("reply %q does not name %s", text, tc.edition)
			}
		})
	}
}

// Without a place, a scope or a default, every place that answers gives
// its best answer (its newest edition), each labelled.
func TestEveryPlaceAnswers(t *testing.T) {
	e, err := retrieval.Build(t.Context(), editionsLibrary(t), retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	a, err := e.Ask(t.Context(), "地区生产总值多少")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range a.Facts {
		got[f.Source.Yearbook] = f.Text
	}
	if len(got) != 2 || !strings.Contains(got["示例市年鉴2023"], "1100亿元") || !strings.Contains(got["样本县年鉴2023"], "200亿元") {
		t.Errorf("facts %v, want the newest 示例市 edition and 样本县", got)
	}
}

func TestDefaultAndUnknownScope(t *testing.T) {
	ybs := editionsLibrary(t)
	e, err := retrieval.Build(t.Context(), ybs, retrieval.Options{Default: "样本县"})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	// The default's documents only: 样本县 has no population figure, and
	// 示例市's is not offered instead.
	a, err := e.Ask(t.Context(), "常住人口多少")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("answered %q from outside the default", a.Facts[0].Text)
	}
	// A place the question names wins over the default.
	if a, _ := e.Ask(t.Context(), "示例市常住人口多少"); !a.Answered || !strings.Contains(a.Facts[0].Text, "310万人") {
		t.Errorf("示例市常住人口多少: %+v", a.Facts)
	}
	if _, err := e.AskIn(t.Context(), "常住人口多少", "无此地"); !errors.Is(err, retrieval.ErrUnknownScope) {
		t.Errorf("unknown scope: err %v, want ErrUnknownScope", err)
	}
	if _, err := retrieval.Build(t.Context(), ybs, retrieval.Options{Default: "无此地"}); !errors.Is(err, retrieval.ErrUnknownScope) {
		t.Errorf("unknown default: err %v, want ErrUnknownScope", err)
	}
}

// Questions naming another place never get a Qingdao figure, and Qingdao
// questions never get another place's (issue #8's judging rule), on the
// shared distractor library with 青岛 as the default.
func TestLibraryPlaces(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the whole library")
	}
	e := buildLibraryEngine(t)
	const qingdao = "青岛年鉴2021·15个攻势"
	for _, tc := range []struct {
		question string
		qingdao  bool // answered from the Qingdao yearbook, or refused
	}{
		{"烟台地区生产总值多少", false},
		{"烟台港集装箱吞吐量多少", false},
		{"全国国内生产总值增长多少", false},
		{"全国粮食产量多少", false},
		{"山东省地区生产总值多少", false},
		{"上海市地区生产总值多少", false},
		{"青岛地铁运营里程多少公里", true},
		{"2020年青岛GDP总量", true},
		{"青岛常住人口有多少", true},
		{"胶州上合示范区进出口多少", true},
		{"地区生产总值多少", true},
		{"青岛港集装箱吞吐量全国排第几", true},
		{"入选齐鲁样板示范县的是哪两个区市", true},
		{"济青高速中线潍坊到青岛这段几月开工的", true},
	} {
		t.Run(tc.question, func(t *testing.T) {
			a, err := e.Ask(t.Context(), tc.question)
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range a.Facts {
				if (f.Source.Yearbook == qingdao) != tc.qingdao {
					t.Errorf("answered %q from %s", f.Text, f.Source.Yearbook)
				}
			}
			t.Logf("%s → %s", tc.question, strings.ReplaceAll(render.Answer(a).Text, "\n", " / "))
		})
	}
}

// A file of many documents has no place: a question naming a province is
// answered from the paragraphs of that province's document (its dateline
// gives the place), never from another's.
func TestManyDocumentsFile(t *testing.T) {
	reports := mustParse(t, "reports.txt", strings.Join([]string{
		"——2026年1月27日在山东省第十四届人民代表大会第四次会议上",
		"过去一年，全省地区生产总值增长5.5%，规模以上工业增加值增长7.1%。",
		"——2026年2月3日在上海市第十六届人民代表大会第四次会议上",
		"过去一年，全市地区生产总值增长5.2%，规模以上工业增加值增长4.4%。",
	}, "\n"))
	e, err := retrieval.Build(t.Context(), []corpus.Yearbook{reports, editionsLibrary(t)[1]}, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	for q, want := range map[string]string{
		"山东省地区生产总值增长多少": "5.5%",
		"上海地区生产总值增长多少":  "5.2%",
		"示例市地区生产总值增长多少": "6.2%",
	} {
		a, err := e.Ask(t.Context(), q)
		if err != nil {
			t.Fatal(err)
		}
		if !a.Answered || len(a.Facts) != 1 || !strings.Contains(a.Facts[0].Text, want) {
			t.Errorf("%s: %+v, want only %s", q, a.Facts, want)
		}
	}
}

// A province named at the start of a name a city's yearbook quotes is
// that thing, not the province; a question about the province itself is
// refused, and says why, since a city's yearbook tells of the city.
func TestProvinceInQuotedName(t *testing.T) {
	yb := mustParse(t, "yantai-2023.txt", "# 烟台市年鉴2023\n地区：烟台市\n\n2022年，烟台市累计发放“山东甲乙卡”1200张。全市常住人口700万人。\n")
	e, err := retrieval.Build(t.Context(), []corpus.Yearbook{yb}, retrieval.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	a, err := e.Ask(t.Context(), "山东甲乙卡发了多少张")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || !strings.Contains(a.Facts[0].Text, "1200张") {
		t.Errorf("山东甲乙卡发了多少张: answered %v %+v, want 1200张", a.Answered, a.Facts)
	}
	a, err = e.Ask(t.Context(), "山东常住人口多少")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("山东常住人口多少: answered %q from a city's yearbook", a.Facts[0].Text)
	}
	if len(a.Why) != 1 || !strings.Contains(a.Why[0].Reason, "山东省") || !strings.Contains(a.Why[0].Reason, "no loaded document") {
		t.Errorf("山东常住人口多少: why %+v, want the place and the reason", a.Why)
	}
}
