package corpus

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTableParagraphs(t *testing.T) {
	tests := []struct {
		name       string
		rt         rawTable
		title      string
		unit       string
		wantTitle  string
		wantUnit   string
		wantHeader int
		want       []string // paragraph texts in order
	}{
		{
			name:  "unit from a line, growth column keeps its %",
			rt:    rawTable{header: 1, rows: [][]string{{"指标", "2022年", "增长%"}, {"出生人口", "7.8", "-5.2"}}, lines: []int{3, 4}},
			title: "表1 人口", unit: "万人",
			wantTitle: "表1 人口", wantUnit: "万人", wantHeader: 1,
			want: []string{"出生人口：2022年 7.8万人；增长-5.2%", "出生人口（2022年）：7.8万人", "出生人口：增长-5.2%"},
		},
		{
			name:      "unit in the title, rate column without % stays bare",
			rt:        rawTable{rows: [][]string{{"指标", "2022年", "比上年增长"}, {"出生人口", "7.8", "-5.2"}}},
			title:     "表1 人口（单位：万人）",
			wantTitle: "表1 人口", wantUnit: "万人", wantHeader: 1,
			want: []string{"出生人口：2022年 7.8万人；比上年增长-5.2", "出生人口（2022年）：7.8万人", "出生人口：比上年增长-5.2"},
		},
		{
			name:      "a change in the table's unit takes it, a rate of change does not",
			rt:        rawTable{rows: [][]string{{"险种", "2024年末", "比上年末增减", "增减率"}, {"甲保险", "12.8", "-0.26", "-2.0"}}},
			title:     "表2 参保（单位：万人）",
			wantTitle: "表2 参保", wantUnit: "万人", wantHeader: 1,
			want: []string{"甲保险：2024年末 12.8万人；比上年末增减-0.26万人；增减率-2.0", "甲保险（2024年末）：12.8万人", "甲保险：比上年末增减-0.26万人", "甲保险：增减率-2.0"},
		},
		{
			name: "two-level header continued by a labels-only row, unit column",
			rt: rawTable{header: 1, rows: [][]string{
				{"指标", "单位", "2022年", "2022年"},
				{"", "", "数值", "增长（%）"},
				{"地区生产总值", "亿元", "5320.6", "4.1"},
				{"固定资产投资", "—", "—", "6.8"},
			}},
			wantHeader: 2,
			want: []string{
				"地区生产总值：2022年 5320.6亿元；2022年增长4.1%", "地区生产总值（2022年）：5320.6亿元", "地区生产总值（2022年）：增长4.1%",
				"固定资产投资（2022年）：增长6.8%",
			},
		},
		{
			name:       "a figure written with its unit is quoted as written",
			rt:         rawTable{rows: [][]string{{"项目", "数量"}, {"公交线路", "312条"}, {"车辆", "4,210"}}},
			unit:       "辆",
			wantUnit:   "辆",
			wantHeader: 1,
			want:       []string{"公交线路（数量）：312条", "车辆（数量）：4,210辆"},
		},
		{
			name:       "merged first row is the title, years label the rows",
			rt:         rawTable{rows: [][]string{{"表3 历年出生人口（单位：万人）", "表3 历年出生人口（单位：万人）"}, {"年份", "出生人口"}, {"2021", "8.2"}, {"2022", "7.8"}}},
			wantTitle:  "表3 历年出生人口",
			wantUnit:   "万人",
			wantHeader: 1,
			want:       []string{"2021（出生人口）：8.2万人", "2022（出生人口）：7.8万人"},
		},
		{
			name:       "a column of four-digit counts is figures, not a second row label",
			rt:         rawTable{rows: [][]string{{"年份", "出动总数", "其中：夜间"}, {"2021年", "4126", "812"}, {"2022年", "3318", "795"}, {"2023年", "2105", "760"}}},
			unit:       "次",
			wantUnit:   "次",
			wantHeader: 1,
			want: []string{
				"2021年：出动总数 4126次；其中：夜间 812次", "2021年（出动总数）：4126次", "2021年（其中：夜间）：812次",
				"2022年：出动总数 3318次；其中：夜间 795次", "2022年（出动总数）：3318次", "2022年（其中：夜间）：795次",
				"2023年：出动总数 2105次；其中：夜间 760次", "2023年（出动总数）：2105次", "2023年（其中：夜间）：760次",
			},
		},
		{
			name:       "a column of years beside indicators still labels the rows",
			rt:         rawTable{rows: [][]string{{"指标", "年份", "数值（亿元）"}, {"财政收入", "2024", "33"}, {"财政支出", "2024", "41"}}},
			wantHeader: 1,
			want:       []string{"财政收入 2024：33亿元", "财政支出 2024：41亿元"},
		},
		{
			name: "blanks in the upper header row are merged across",
			rt: rawTable{header: 1, rows: [][]string{
				{"指标", "2022年", "", "2021年", ""},
				{"", "数值", "增长%", "数值", "增长%"},
				{"总值", "5", "4.1", "4.9", "3.0"},
			}},
			wantHeader: 2,
			want: []string{
				"总值：2022年 5；2022年增长4.1%；2021年 4.9；2021年增长3.0%",
				"总值（2022年）：5", "总值（2022年）：增长4.1%", "总值（2021年）：4.9", "总值（2021年）：增长3.0%",
			},
		},
		{
			name:       "a unit per day in a column's label",
			rt:         rawTable{rows: [][]string{{"街道", "分出量（吨/日）", "备注（2022年）", "增长（本期/上年）"}, {"东街道", "58", "新建", "3.1"}}},
			wantHeader: 1,
			want: []string{"东街道：分出量 58吨/日；备注（2022年） 新建；增长（本期/上年）3.1",
				"东街道（分出量）：58吨/日", "东街道（备注（2022年））：新建", "东街道：增长（本期/上年）3.1"},
		},
		{
			name: "a unit in the upper label of a two-level header",
			rt: rawTable{header: 1, rows: [][]string{
				{"类别", "学校数（所）", "学校数（所）", "在校学生（万人）"},
				{"", "2023年", "2022年", "2023年"},
				{"小学", "402", "415", "56.7"},
			}},
			wantHeader: 2,
			want: []string{
				"小学：学校数2023年 402所；学校数2022年 415所；在校学生2023年 56.7万人",
				"小学（学校数，2023年）：402所", "小学（学校数，2022年）：415所", "小学（在校学生，2023年）：56.7万人",
			},
		},
		{
			name:       "unit in the header's corner",
			rt:         rawTable{rows: [][]string{{"指标（单位：万人）", "2022年"}, {"出生人口", "7.8"}}},
			wantUnit:   "万人",
			wantHeader: 1,
			want:       []string{"出生人口（2022年）：7.8万人"},
		},
		{
			name:       "ragged rows are padded, never dropped",
			rt:         rawTable{rows: [][]string{{"指标", "2022年"}, {"出生人口", "7.8", "多出的格"}, {"死亡人口"}}},
			wantHeader: 1,
			want:       []string{"出生人口：2022年 7.8；多出的格", "出生人口（2022年）：7.8", "出生人口：多出的格"},
		},
		{
			name:       "a text-only table has one header row and reads as facts",
			rt:         rawTable{rows: [][]string{{"名称", "地址"}, {"市统计局", "人民路1号"}, {"市交通局", "解放路2号"}}},
			wantHeader: 1,
			want:       []string{"市统计局（地址）：人民路1号", "市交通局（地址）：解放路2号"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, ps := tableParagraphs(tt.rt, tt.title, tt.unit)
			if tab.Title != tt.wantTitle || tab.Unit != tt.wantUnit || len(tab.Header) != tt.wantHeader {
				t.Errorf("title %q unit %q header rows %d, want %q %q %d", tab.Title, tab.Unit, len(tab.Header), tt.wantTitle, tt.wantUnit, tt.wantHeader)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("paragraphs\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestTableIDs(t *testing.T) {
	rt := rawTable{rows: [][]string{{"指标", "2022年", "2021年"}, {"出生人口", "7.8", "8.2"}, {"死亡人口", "6.1", "5.9"}}, lines: []int{10, 11, 12}}
	_, ps := tableParagraphs(rt, "", "万人")
	seen := map[string]bool{}
	prefix := idPrefix("a-yearbook-with-a-long-file-name.docx")
	for _, p := range ps {
		id := paragraphID(prefix, p)
		if seen[id] {
			t.Errorf("duplicate id %s", id)
		}
		seen[id] = true
		if len(id) > 20 {
			t.Errorf("id %s is longer than 20 bytes: three must fit in 64 bytes of callback data", id)
		}
	}
	want := []string{prefix + "-11", prefix + "-11.2", prefix + "-11.3", prefix + "-12", prefix + "-12.2", prefix + "-12.3"}
	for _, w := range want {
		if !seen[w] {
			t.Errorf("missing id %s (have %v)", w, seen)
		}
	}
}

func TestCitedUnderTableTitle(t *testing.T) {
	yb, err := Parse("t.md", []byte("# 示例年鉴2023\n## 人口\n### 人口统计\n2022年，人口增长。\n\n表1 人口指标\n\n| 指标 | 2022年 |\n|---|---|\n| 出生人口 | 7.8 |\n\n2022年，人口继续增长。\n"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range yb.Passages() {
		got[p.Paragraph.Text] = p.Section
	}
	want := map[string]string{
		"2022年，人口增长。":     "人口统计",
		"出生人口（2022年）：7.8": "表1 人口指标",
		"2022年，人口继续增长。":   "人口统计",
	}
	for text, sec := range want {
		if got[text] != sec {
			t.Errorf("%q cited under %q, want %q (all: %v)", text, got[text], sec, got)
		}
	}
}

// FuzzTable feeds arbitrary Markdown table text through the pipe-table
// reader and the table model: never a panic, every figure quoted as
// written, every id unique.
func FuzzTable(f *testing.F) {
	f.Add("| 指标 | 2022年 | 增长% |\n|---|---|---|\n| 出生人口 | 7.8 | -5.2 |")
	f.Add("| 指标 | 2022年 | 2022年 |\n|---|---|---|\n| | 数值 | 增长 |\n| 出生 | 7.8 | -5.2 |\n| 死亡 | — |")
	f.Add("a|b\n-|-\n1|2|3|4\n|\n||")
	f.Add("| `a|b` | \\| |\n|:-:|--:|\n| **1** | [x](y) |")
	f.Add("单位：万人\n| 表 | 表 |\n|---|---|\n| 年份 | 数 |\n| 2022 | 1 |")
	f.Fuzz(func(t *testing.T, s string) {
		lines := strings.Split(s, "\n")
		rt := rawTable{header: 1}
		for i, l := range lines {
			if isDelimiterRow(l) {
				continue
			}
			rt.rows = append(rt.rows, pipeCells(l))
			rt.lines = append(rt.lines, i+1)
		}
		tab, ps := tableParagraphs(rt, "标题", "万人")
		seen := map[string]bool{}
		for _, p := range ps {
			if p.Kind != KindCell && p.Kind != KindRow {
				t.Fatalf("paragraph of kind %q from a table", p.Kind)
			}
			id := paragraphID("abcdef", p)
			if seen[id] {
				t.Fatalf("duplicate id %s in %q", id, s)
			}
			seen[id] = true
			if utf8.ValidString(s) && !utf8.ValidString(p.Text) {
				t.Fatalf("invalid UTF-8 out of valid input: %q", p.Text)
			}
		}
		for _, r := range tab.Rows {
			if len(r.Cells) != len(tab.Columns) {
				t.Fatalf("row of %d cells under %d columns", len(r.Cells), len(tab.Columns))
			}
			for j, c := range r.Cells {
				if j < tab.RowHeaders || isEmptyCell(c) || j == unitColumn(tab.Header) {
					continue
				}
				if !slices.ContainsFunc(ps, func(p Paragraph) bool { return p.Kind == KindCell && p.Line == r.Line && strings.Contains(p.Text, c) }) {
					t.Fatalf("cell %q of row %d is not quoted in any cell paragraph", c, r.Line)
				}
			}
		}
	})
}
