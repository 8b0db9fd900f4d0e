package retrieval

import (
	"slices"
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
		{"去年游客人均花费多少", "2024年（人均花费）：800元"},
		{"哪一年游客人均花费最低", "2023年（人均花费）：650元"},
		// 的 may join the kind of rows asked to the measure.
		{"哪个等级的道路里程最短", "一级道路（里程）：50公里"},
		// The whole a share is of is its base, not a label asked.
		{"一级道路占总里程的比重是多少", "一级道路：比重25.0%"},
		// 病床 is a user's word for 床位, inside the label 床位数.
		{"丙镇有多少张病床", "丙镇（床位数）：40张"},
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
