package extract

import (
	"slices"
	"testing"
)

// A window naming a stage of its own is judged by it, not by a stage the
// rest of its sentence names: a count of what was started is no count of
// what was completed.
func TestWindowEvents(t *testing.T) {
	text := "启动甲改造3万套，完成乙改造5万平方米"
	first := window{r: Range{Start: 0, End: len("启动甲改造3万套")}}
	second := window{r: Range{Start: len("启动甲改造3万套，"), End: len(text)}}
	whole := window{r: Range{Start: 0, End: len(text)}}
	for _, tc := range []struct {
		name     string
		asked    string
		w        window
		sentence float64
		want     float64
	}{
		{"a start is no completion", "甲改造完成了多少套", first, 1, -1},
		{"the completed clause agrees", "乙改造完成了多少", second, 1, 1},
		{"a window of both stages agrees", "甲改造完成了多少套", whole, 1, 1},
		{"no stage asked keeps the sentence's", "甲改造多少套", first, 0.5, 0.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pi := &partInfo{events: eventsIn(tc.asked), stagesCounted: countStages(tc.asked)}
			if got := pi.windowEvents(text, tc.w, tc.sentence, pi.figureStage(text, tc.w)); got != tc.want {
				t.Errorf("windowEvents = %v, want %v", got, tc.want)
			}
		})
	}
	plain := window{r: Range{Start: len("启动"), End: len("启动甲改造3万套")}}
	pi := &partInfo{events: eventsIn("甲改造完成了多少套"), stagesCounted: countStages("甲改造完成了多少套")}
	if got := pi.windowEvents(text, plain, -1, pi.figureStage(text, plain)); got != -1 {
		t.Errorf("a window naming no stage: %v, want the sentence's -1", got)
	}
}

// Money said spent (花了, 投入) is told by a figure in yuan of a measure
// of spending, not by one in another unit, nor by a tax or an output, and
// a flower (花) is not spending.
func TestSpendingTold(t *testing.T) {
	for _, tc := range []struct {
		q, unit, labels, title string
		want                   []string
	}{
		{"甲工程花了多少", "万元", "甲工程", "甲区建设投资", []string{"花了"}},
		{"甲工程花多少钱", "万元", "甲工程", "甲区建设投资", []string{"花多少"}},
		{"哪一块投得最多", "亿元", "甲工程", "建设投资", []string{"投得"}},
		{"甲经费花了多少", "万元", "甲经费", "甲区财政", []string{"花了"}},
		{"甲工程花了多少", "万吨", "甲工程", "甲区建设投资", nil},
		{"甲工程多少钱", "万元", "甲工程", "甲区建设投资", nil},
		{"甲行业税收花了多少", "亿元", "甲行业", "楼宇税收", nil},
		{"税收收入花了多少", "万元", "税收收入", "财政收入和支出", nil},
		{"蔬菜产值投了多少", "万元", "蔬菜产值", "农业产值和投资", nil},
		{"花的产值多少", "万元", "花卉", "农业产值", nil},
	} {
		if got := SpendingTold(tc.q, tc.unit, tc.labels, tc.title); !slices.Equal(got, tc.want) {
			t.Errorf("SpendingTold(%s, %s, %s, %s) = %q, want %q", tc.q, tc.unit, tc.labels, tc.title, got, tc.want)
		}
	}
}

// A question asks a count of a stage when its verb stands right before
// its one ask; a stage told as the topic, or two asks, ask none.
func TestCountStages(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"甲改造去年完成了多少套", []string{"竣工"}},
		{"甲线建成几个站", []string{"建成"}},
		{"甲线通车后运送了多少人", nil},
		{"几个园区开工了多少项目", nil},
		{"甲改造多少套", nil},
	} {
		if got := countStages(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("countStages(%s) = %v, want %v", tc.q, got, tc.want)
		}
	}
}

// A clause holding the figure asked agrees with a stage asked written
// inside a longer spelling (启动 of 启动建设), and clashes when it names
// only another.
func TestStagesAgree(t *testing.T) {
	for _, tc := range []struct {
		asked, known []string
		clause       string
		want         float64
	}{
		{[]string{"启动"}, []string{"启动"}, "启动建设甲住房10万套", 1},
		{[]string{"竣工"}, []string{"竣工"}, "启动甲改造3万套", -1},
		{[]string{"竣工"}, []string{"竣工"}, "建成甲安置房800套", 1},
		{[]string{"竣工"}, []string{"竣工"}, "甲改造3万套", 0},
		{[]string{"建成"}, []string{"运营", "建成"}, "运营里程达到246千米", 0},
		{[]string{"竣工"}, []string{"启动", "竣工"}, "启动甲改造3万套", 0},
	} {
		if got := stagesAgree(tc.asked, tc.known, tc.clause); got != tc.want {
			t.Errorf("stagesAgree(%v, %s) = %v, want %v", tc.asked, tc.clause, got, tc.want)
		}
	}
}

// The figure asked is judged by its own clause's stage: a count of what
// was started is no count of what was completed, though the sentence
// goes on to complete something else.
func TestFigureStageClash(t *testing.T) {
	text := "实施甲改造236万平方米,启动乙改造2.93万套,完成丙改造532.5万平方米"
	figs := Figures(text)
	w := window{r: Range{Start: 0, End: len(text)}, figs: figs}
	for _, tc := range []struct {
		q    string
		want bool
	}{
		{"乙改造去年完成了多少套", true},
		{"乙改造去年建成了多少套", true},
		{"乙改造去年启动了多少套", false},
		{"乙改造多少套", false},
	} {
		a := Asked{Part: Part{Text: tc.q, Key: tc.q, Unit: "套"}}
		pi := &partInfo{a: a, events: eventsIn(tc.q), stagesCounted: countStages(tc.q)}
		if got := pi.figureStage(text, w).clash(); got != tc.want {
			t.Errorf("%s: figureStage clash = %v, want %v", tc.q, got, tc.want)
		}
	}
}
