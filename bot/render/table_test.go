package render

import (
	"strings"
	"testing"

	"yearbookbot/retrieval"
)

func TestTablePassage(t *testing.T) {
	h := retrieval.Hit{
		Source: retrieval.Source{Chapter: "经济", Section: "表2 主要指标", Sources: []string{"市统计局"}},
		Text:   "地区生产总值（2022年）：5320.6亿元",
		Table: &retrieval.TableView{
			Title:  "表2 主要指标",
			Header: [][]string{{"指标", "2022年", "2022年"}, {"指标", "数值", "增长%"}},
			Row:    []string{"地区生产总值<GDP>", "5320.6", "4.1"},
		},
	}
	m := Passage(h)
	wantHTML := "表2 主要指标\n<pre>指标" + strings.Repeat(" ", 13) + " | 2022年 | 2022年\n" +
		"指标" + strings.Repeat(" ", 13) + " | 数值   | 增长%\n" +
		"地区生产总值&lt;GDP&gt; | 5320.6 | 4.1</pre>\n📖 经济 › 表2 主要指标（市统计局）"
	if m.HTML != wantHTML {
		t.Errorf("HTML\n%s\nwant\n%s", m.HTML, wantHTML)
	}
	if strings.Contains(m.Text, "<pre>") || !strings.Contains(m.Text, "地区生产总值<GDP> | 5320.6 | 4.1") {
		t.Errorf("text %q", m.Text)
	}
	h.Table.Unit = "亿元"
	if m := Passage(h); !strings.Contains(m.Text, "\n单位：亿元\n📖") {
		t.Errorf("unit missing: %q", m.Text)
	}
}

// TestTablePassageCut checks that a row too long for one message is cut
// inside the monospace block, which is closed, with the source kept.
func TestTablePassageCut(t *testing.T) {
	row := []string{"指标"}
	for range 400 {
		row = append(row, "12345.6")
	}
	h := retrieval.Hit{Source: retrieval.Source{Chapter: "章"}, Table: &retrieval.TableView{Header: [][]string{row}, Row: row}}
	m := Passage(h)
	if units(m.Text) > MaxRunes {
		t.Fatalf("%d units", units(m.Text))
	}
	if strings.Count(m.HTML, "<pre>") != 1 || strings.Count(m.HTML, "</pre>") != 1 || !strings.HasSuffix(m.Text, "…\n📖 章") {
		t.Errorf("cut badly: …%s", m.HTML[len(m.HTML)-60:])
	}
}
