package retrieval

import (
	"slices"
	"strings"
	"testing"
)

// headsYearbook has columns sharing a head word (游客), a table of grades
// with a 合计 row and a column of shares, and one of beds.
const headsYearbook = `# 甲县年鉴2025

## 综合

### 概况

2024年，甲县各项事业平稳发展。

表1 甲县旅游接待情况（2022—2024年）

| 年份 | 接待游客（万人次） | 过夜游客（万人次） | 人均花费（元） |
|---|---:|---:|---:|
| 2022年 | 100.1 | 20.2 | 700 |
| 2023年 | 110.3 | 22.4 | 650 |
| 2024年 | 120.5 | 25.6 | 800 |

表2 2024年甲县道路构成

| 道路等级 | 里程（公里） | 比重（%） |
|---|---:|---:|
| 一级道路 | 50 | 25.0 |
| 二级道路 | 150 | 75.0 |
| 合计 | 200 | 100.0 |

表3 2024年甲县各镇医疗资源

| 镇 | 床位数（张） |
|---|---:|
| 乙镇 | 30 |
| 丙镇 | 40 |
`

func TestTableHeadsSharesAndPartForms(t *testing.T) {
	e := tableEngine(t, headsYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct{ q, want string }{
		// 游客, the end 接待游客 and 过夜游客 share, says what the columns
		// count, as a title's words do.
		{"去年游客的人均花费是多少", "2024年（人均花费）：800元"},
		{"游客人均花费哪年最低", "2023年（人均花费）：650元"},
		// 的 may join the kind of rows asked to the measure.
		{"哪个等级的道路里程最长", "二级道路（里程）：150公里"},
		// The whole a share is of is its base, not a label asked.
		{"二级道路占全部里程的比重多大", "二级道路：比重75.0%"},
		// 病床 is a user's word for 床位, inside the label 床位数.
		{"丙镇病床一共有几张", "丙镇（床位数）：40张"},
	} {
		t.Run(tc.q, func(t *testing.T) { wantQuoted(t, e, tr, tc.q, []string{tc.want}) })
	}
}

func TestSharedHeads(t *testing.T) {
	for _, tc := range []struct {
		columns [][]string
		want    []string
	}{
		{[][]string{{"年份"}, {"接待游客（万人次）"}, {"过夜游客（万人次）"}, {"人均花费（元）"}}, []string{"游客"}},
		// A label whole is no head of another (人口 of 常住人口), and the
		// row labels' column is not a label of what is counted.
		{[][]string{{"人口"}, {"人口"}, {"常住人口"}}, nil},
		{[][]string{{"镇"}, {"床位数（张）", "2024年"}, {"床位数（张）", "2023年"}}, nil},
	} {
		if got := sharedHeads(tc.columns); !slices.Equal(got, tc.want) {
			t.Errorf("sharedHeads(%v) = %v, want %v", tc.columns, got, tc.want)
		}
	}
}

// placesYearbook has a table of townships (one of them named with a
// common word, 建设), one of years of building in 万平方米, and one of
// industries with their shares.
const placesYearbook = `# 乙县年鉴2025

## 综合

### 概况

2024年，乙县绿化覆盖率达到31.5%，外出务工人员8.2万人。全县加快建设农村道路。

表1 2024年乙县各镇（乡）生态指标

| 镇（乡） | 绿化覆盖率（%） | 绿地面积（公顷） |
|---|---:|---:|
| 东湖镇 | 28.4 | 920 |
| 西岭乡 | 33.7 | 1410 |
| 建设街道 | 30.2 | 650 |
| 合计 | 31.5 | 2980 |

表2 乙县房屋建设（2022—2024年）

单位：万平方米

| 年份 | 开工面积 | 竣工面积 |
|---|---:|---:|
| 2022年 | 71.2 | 66.4 |
| 2023年 | 58.3 | 61.9 |
| 2024年 | 49.6 | 55.1 |

表3 2024年乙县产业结构

| 产业 | 增加值（亿元） | 比重（%） |
|---|---:|---:|
| 第二产业 | 80.0 | 40.0 |
| 第三产业 | 100.0 | 50.0 |

表4 2024年乙县主要指标

| 指标 | 单位 | 2024年 | 比上年增长（%） |
|---|---|---:|---:|
| 林木覆盖率 | % | 41.0 | 0.5 |
| 城镇化率 | ％ | 58.2 | 1.1 |
`

func TestThresholdsAndSpokenUnits(t *testing.T) {
	e := tableEngine(t, placesYearbook)
	tr := tier{years: []int{2024}}
	for _, tc := range []struct{ q, want string }{
		// The percent of a threshold is its number's unit: no rate is
		// asked of a level counted in percent, and a share passes it.
		{"西岭乡绿化覆盖率超过35%了吗", "西岭乡：绿化覆盖率33.7%"},
		{"第三产业超过45%了吗", "第三产业：比重50.0%"},
		// Not the growth beside a level in percent, written either way.
		{"林木覆盖率超过40%了吗", "林木覆盖率（2024年）：41.0%"},
		{"城镇化率超过60％了吗", "城镇化率（2024年）：58.2％"},
		// 吧 right after a threshold seeks a yes.
		{"2023年开工面积低于60万平方米吧", "2023年（开工面积）：58.3万平方米"},
		{"2023年开工面积低于60万平方米了吧", "2023年（开工面积）：58.3万平方米"},
		// 平米 is 平方米 said short.
		{"2022年竣工面积有多少平米", "2022年（竣工面积）：66.4万平方米"},
	} {
		t.Run(tc.q, func(t *testing.T) { wantQuoted(t, e, tr, tc.q, []string{tc.want}) })
	}
}

// TestPlaceRows checks that the rows of a table of townships name places;
// a row of totals, a row of another table, or a name cut from its kind
// (建设 of 建设街道, a common word too) does not.
func TestPlaceRows(t *testing.T) {
	e := tableEngine(t, placesYearbook)
	for word, want := range map[string]bool{"东湖镇": true, "西岭乡": true, "建设街道": true, "东湖": false, "建设": false, "合计": false, "第三产业": false, "镇": false} {
		if got := e.tables.namesPlaceRow(word); got != want {
			t.Errorf("namesPlaceRow(%s) = %v, want %v", word, got, want)
		}
	}
}

func TestConfirmEndThreshold(t *testing.T) {
	for q, want := range map[string]bool{"甲不到50万吧": true, "甲不到50万吧？": true, "甲超过30%了吧": true, "甲能耗低于5万吨标准煤吧": true,
		"甲酒吧有几家": false, "列出5万人以上的乙吧": false} {
		if _, got := thresholdOf(q); got != want {
			t.Errorf("thresholdOf(%s) = %v, want %v", q, got, want)
		}
	}
}

// TestTownshipNotAnsweredByTheWhole checks that a figure of the whole
// county does not answer a question about one of the townships its tables
// list, while the township's own cell does.
func TestTownshipNotAnsweredByTheWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("loads gse's full dictionary")
	}
	e := builtEngine(t, placesYearbook)
	a, err := e.Ask(t.Context(), "东湖镇外出务工人员多少")
	if err != nil {
		t.Fatal(err)
	}
	if a.Answered {
		t.Errorf("answered %+v, want a refusal: the county's figure is not 东湖镇's", a.Facts)
	}
	a, err = e.Ask(t.Context(), "东湖镇绿化覆盖率多少")
	if err != nil {
		t.Fatal(err)
	}
	if !a.Answered || len(a.Facts) == 0 || !strings.Contains(a.Facts[0].Text, "28.4%") {
		t.Errorf("got %+v, want 东湖镇's 28.4%%", a)
	}
}

func TestPlaceCorner(t *testing.T) {
	for corner, want := range map[string]bool{"乡镇": true, "镇": true, "村名": true, "街道名称": true, "城乡": false, "镇村类型": false, "指标": false} {
		if got := placeCorner(corner); got != want {
			t.Errorf("placeCorner(%s) = %v, want %v", corner, got, want)
		}
	}
}
