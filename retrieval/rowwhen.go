package retrieval

import (
	"maps"
	"regexp"
	"slices"
)

// The date of a row's figure asked without the figure (出生人口这个数截止到
// 哪天): the covered year's cell of the row gives the figure, and the
// sentence that writes it gives the date, as when the figure is quoted
// (figurewhen.go). The question must say nothing but the row, a when-word
// and words for data, so that 出生人口什么时候最多 is left alone.

// rowDateWords may stand beside the row and the when-word.
var rowDateWords = []string{"年鉴", "统计", "数据", "数字", "数", "的"}

// rowFigurePattern is how passages write the covered year's level of the
// one row q names, nil when q names none, several or asks more.
func (e *Engine) rowFigurePattern(q string, t tier) *regexp.Regexp {
	ix := e.tables
	if ix == nil || len(ix.cells) == 0 || extremeAsked(q) != 0 {
		return nil // 什么时候最多 asks which year, not a figure's date
	}
	if d, _ := comparativeAsked(q); d != 0 {
		return nil
	}
	named := ix.namedIn(q, t.docs, nil)
	if len(named) == 0 {
		return nil
	}
	var cands []int
	for i, c := range ix.cells {
		if c.rate != "" || !c.valued || t.docs != nil && !slices.Contains(t.docs, ix.tables[c.table].doc) {
			continue
		}
		if !slices.ContainsFunc(c.names, func(n string) bool { _, ok := named[n]; return !ok }) {
			cands = append(cands, i)
		}
	}
	if cands = ix.defaultYear(cands, t.years); len(cands) != 1 {
		return nil
	}
	words := append(slices.Clone(tableWords.whenAsks), rowDateWords...)
	if !e.residueEmpty(q, slices.Collect(maps.Values(named)), words, nil) {
		return nil
	}
	cell := e.passages[ix.cells[cands[0]].passage].Paragraph.Text
	loc := figureAtEnd.FindStringIndex(cell)
	if loc == nil {
		return nil
	}
	return figurePattern(cell[loc[0]:loc[1]])
}
