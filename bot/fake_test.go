package bot

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"yearbookbot/corpus"
	"yearbookbot/retrieval"
)

// fakeEngine answers from a few yearbook paragraphs by character-pair
// overlap: deterministic, fast, and blind to any particular question, so
// the bot is tested apart from the real search. Hooks make it panic, fail
// or dawdle on questions containing a marker.
type fakeEngine struct {
	book    corpus.Yearbook
	byID    map[string]retrieval.Hit
	panicOn string
	failOn  string
	slowOn  string
	delay   time.Duration
	asked   atomic.Int64
}

var fakeChapters = []struct {
	chapter, section, dept string
	paras                  []string
}{
	{"综述", "综述", "市委政研室", []string{
		"2020年,青岛市印发《关于健全完善系统性整体性协同性推进15个攻势工作机制的意见》,创新组织开展15个攻势公开质询,质询满意率均在97%以上。全年财政预算投向15个攻势的专项资金达244亿元,占全部专项资金的70%以上。",
		"2020年,青岛市打好国际时尚城建设攻势,推进238个时尚项目,开展417项时尚活动。第三十届青岛国际啤酒节吸引游客200余万人次,成为新冠肺炎疫情防控常态化后全国首个和规模最大的节庆活动。",
	}},
	{"海洋攻势", "壮大海洋产业", "市海洋发展局", []string{
		"2020年,青岛市海水淡化日产能力达22.4万立方米,居全国前列。134个涉海重点项目完成投资416亿元。",
		"全市海洋生产总值增长6.1%;涉海固定资产投资增速达9.3%,高于全市固定资产投资增速6.1个百分点。",
	}},
	{"海洋攻势", "港口航运大幅提升", "市交通运输局", []string{
		"2020年,青岛市港口实现货物吞吐量6.05亿吨,增长4.7%;集装箱吞吐量2201万标准箱,增长4.7%。货物和集装箱吞吐量均居全国第五位。海铁联运箱量完成165万标准箱,增长19.6%。",
	}},
	{"交通基础设施建设攻势", "轨道交通", "市地铁集团", []string{
		"2020年12月30日,青岛地铁8号线北段开通运营,全市轨道交通运营里程达到246公里。全年完成交通基础设施投资520亿元。",
	}},
}

func newFakeEngine() *fakeEngine {
	e := &fakeEngine{byID: map[string]retrieval.Hit{}}
	e.book = corpus.Yearbook{Title: "青岛年鉴2021", Year: 2020, File: "fake.txt", Meta: corpus.Meta{
		Kind: corpus.DocYearbook, Edition: 2021, Place: corpus.Place{Name: "青岛市", Aliases: []string{"青岛", "岛城"}},
	}}
	line := 0
	for _, fc := range fakeChapters {
		if n := len(e.book.Chapters); n == 0 || e.book.Chapters[n-1].Title != fc.chapter {
			e.book.Chapters = append(e.book.Chapters, corpus.Chapter{Title: fc.chapter, Sources: []string{fc.dept}})
		}
		ch := &e.book.Chapters[len(e.book.Chapters)-1]
		sec := corpus.Section{Heading: fc.section}
		for _, p := range fc.paras {
			line++
			// Paragraph ids in the bot's tests are long on purpose: callback
			// data must fit 64 bytes whatever the corpus' id scheme.
			id := "qingdao-yearbook-2021-offensives-" + string(rune('a'+line-1)) + strings.Repeat("x", 8)
			sec.Paragraphs = append(sec.Paragraphs, corpus.Paragraph{ID: id, Line: line, Kind: corpus.KindParagraph, Text: p})
		}
		ch.Sections = append(ch.Sections, sec)
	}
	for _, ps := range e.book.Passages() {
		e.byID[ps.Paragraph.ID] = retrieval.Hit{Source: source(ps), Text: ps.Paragraph.Text}
	}
	return e
}

func source(ps corpus.Passage) retrieval.Source {
	return retrieval.Source{ParagraphID: ps.Paragraph.ID, Yearbook: ps.Yearbook, Chapter: ps.Chapter, Section: ps.Section, Sources: ps.Sources, Line: ps.Paragraph.Line}
}

func (e *fakeEngine) Yearbooks() []corpus.Yearbook { return []corpus.Yearbook{e.book} }

func (e *fakeEngine) Passage(id string) (retrieval.Hit, bool) {
	h, ok := e.byID[id]
	return h, ok
}

func (e *fakeEngine) Ask(ctx context.Context, q string) (retrieval.Answer, error) {
	e.asked.Add(1)
	switch {
	case e.panicOn != "" && strings.Contains(q, e.panicOn):
		panic("fake engine: boom")
	case e.failOn != "" && strings.Contains(q, e.failOn):
		return retrieval.Answer{}, errors.New("fake engine: index unavailable")
	case e.slowOn != "" && strings.Contains(q, e.slowOn):
		select {
		case <-time.After(e.delay):
		case <-ctx.Done():
			return retrieval.Answer{}, ctx.Err()
		}
	}
	a := retrieval.Answer{Question: q, Query: q}
	if strings.TrimFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) == "" {
		a.Problem = "请用文字提出问题。"
		return a, nil
	}
	qp := pairs(q)
	type scored struct {
		hit   retrieval.Hit
		score float64
	}
	var all []scored
	for _, ps := range e.book.Passages() {
		n := 0.0
		for p := range pairs(ps.Paragraph.Text) {
			if qp[p] {
				n++
			}
		}
		if n > 0 {
			all = append(all, scored{retrieval.Hit{Source: source(ps), Text: ps.Paragraph.Text, Score: n}, n})
		}
	}
	// Stable order: score, then file order.
	for i := 1; i < len(all); i++ {
		for j := i; j > 0 && all[j].score > all[j-1].score; j-- {
			all[j], all[j-1] = all[j-1], all[j]
		}
	}
	for _, s := range all {
		a.Hits = append(a.Hits, s.hit)
	}
	if len(all) > 0 && all[0].score >= 3 {
		f := bestSentence(all[0].hit, q)
		a.Answered, a.Facts = true, []retrieval.Fact{f}
	}
	return a, nil
}
