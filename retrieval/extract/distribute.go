package extract

import (
	"strings"
	"unicode/utf8"
)

// Words of a distributive question: "A和B各多少", "A、B分别是多少" ask the
// same of each item listed before 各 or 分别.
var (
	listJoiners  = []string{"以及", "还是", "和", "与", "跟", "及", "、"}
	distributors = []string{"分别", "各自", "各"}
)

// distribute turns a distributive question into one question per item:
// 港口和机场各多少 → 港口多少, 机场多少. Each
// item's figure is then looked for on its own, where one window holding
// both would rarely exist. A shared attribute after the last item's 的
// (东区和西区的投资额各是多少) goes with every item. Anything else is
// returned as it is.
func distribute(seg string) []string {
	list, rest, ok := cutDistributor(seg)
	if !ok {
		if parts := compareEach(seg); len(parts) > 1 {
			return parts
		}
		return eachFigure(seg)
	}
	return eachItem(seg, list, rest)
}

// eachFigure turns two figures named side by side into one question
// each: 东区投资规模和西区企业数量 → 东区投资规模多少, 西区企业数量多少. Each
// side ends in a word naming a figure and names its own subject, so
// neither shares the other's words; where one side is the figure word
// alone or qualified (产值和增速, 产值和同比增速) they are read together, as
// one sentence often states both. A question word after the last side
// (排第几) goes with each; a last side naming two figures (西区企业数量在
// 全省的排名) may share its last with the first, and stays whole.
func eachFigure(seg string) []string {
	for _, j := range lexicon.figureJoiners {
		i := strings.Index(seg, j)
		if i <= 0 || strings.Contains(seg[i+len(j):], j) {
			continue
		}
		left, right := strings.TrimSpace(seg[:i]), strings.TrimSpace(seg[i+len(j):])
		named, tail := splitAskedTail(right)
		if !namesOwnFigure(left) || !namesOwnFigure(named) || figureNounsIn(named) > 1 {
			continue
		}
		if tail == "" {
			tail = askedAmount
		}
		return []string{left + asksFor(left, tail), named + asksFor(named, tail)}
	}
	return []string{seg}
}

// splitAskedTail cuts the question words after the last word naming a
// figure (…吞吐量是多少 → …吞吐量, 是多少).
func splitAskedTail(s string) (named, tail string) {
	for end := len(s); end > 0; {
		if w := hasSuffixAny(s[:end], lexicon.figureNouns); w != "" {
			return s[:end], s[end:]
		}
		_, size := utf8.DecodeLastRuneInString(s[:end])
		end -= size
	}
	return s, ""
}

// figureNounsIn counts the words naming a figure in s.
func figureNounsIn(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if w := hasPrefixAny(s[i:], lexicon.figureNouns); w != "" {
			n++
			i += len(w)
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return n
}

// namesOwnFigure reports whether s ends in a word naming a figure and
// names what it is of: two characters or more before that word, besides
// the words that only qualify a figure (同比, 全年).
func namesOwnFigure(s string) bool {
	w := hasSuffixAny(s, lexicon.figureNouns)
	if w == "" {
		return false
	}
	subject := strings.TrimSuffix(s, w)
	for _, m := range lexicon.figureModifiers {
		subject = strings.ReplaceAll(subject, m, "")
	}
	subject = strings.NewReplacer(" ", "", "的", "").Replace(subject)
	return utf8.RuneCountInString(subject) >= 2
}

// asksFor is tail when item asks nothing itself, else "": a side ending
// in 排名 already asks for a rank.
func asksFor(item, tail string) string {
	if asksSomething(item) {
		return ""
	}
	return tail
}

// compareEach turns a comparison of named items by a figure into one
// question per item: 港口和机场哪个多 → 港口多少, 机场多少;
// 东区和西区谁的增速高 → 东区的增速多少, 西区的增速多少. The items' figures
// often stand in different paragraphs, where no one window holds both;
// quoted side by side they answer the comparison.
func compareEach(seg string) []string {
	m := comparisonAt(seg)
	if m == nil {
		return []string{seg}
	}
	return eachItem(seg, seg[:m[0]], seg[m[2]:m[3]]+askedAmount)
}

// askedAmount asks an item's figure.
const askedAmount = "多少"

// eachItem is rest asked of each item of list, or seg whole when list is
// not a balanced list of two or more items.
func eachItem(seg, list, rest string) []string {
	items := splitList(list)
	if len(items) < 2 {
		return []string{seg}
	}
	for i := range items {
		items[i] = strings.TrimSpace(items[i])
	}
	shared := ""
	if !allNameOwnFigures(items) {
		last := items[len(items)-1]
		if i := strings.LastIndex(last, "的"); i > 0 && i+len("的") < len(last) {
			items[len(items)-1], shared = last[:i], last[i:]
		} else if w := sharedFigure(items); w != "" {
			items[len(items)-1], shared = strings.TrimSuffix(last, w), w
		}
		if !balanced(items) {
			return []string{seg}
		}
	}
	out := make([]string, 0, len(items))
	for _, it := range items {
		out = append(out, it+shared+rest)
	}
	return out
}

// sharedFigure are the words naming a figure that end the last item when
// the other items are names of the same length as the one it is left
// with (东区和西区产值谁高: 产值; 固投增速 both): they are asked of every
// item, as a 的 clause after the last would be. An item of another shape
// (东区和西区工业产值) or naming its own measure (甲港箱量和乙线运营里程)
// shares nothing, nor does a one-character figure word (企业数). "" when
// nothing is shared.
func sharedFigure(items []string) string {
	last := items[len(items)-1]
	named := last
	for {
		w := hasSuffixAny(named, lexicon.figureNouns)
		if utf8.RuneCountInString(w) < 2 || w == named {
			break
		}
		named = strings.TrimSuffix(named, w)
	}
	if named == last {
		return ""
	}
	size := utf8.RuneCountInString(named)
	for _, it := range items[:len(items)-1] {
		r, _ := utf8.DecodeLastRuneInString(it)
		if utf8.RuneCountInString(it) != size || strings.ContainsRune(lexicon.measureEnds, r) {
			return ""
		}
	}
	return last[len(named):]
}

// allNameOwnFigures reports whether every item names its own figure
// (东区的人口总数和西区新落户的企业数): then no words after the last are
// shared, however long it is.
func allNameOwnFigures(items []string) bool {
	for _, it := range items {
		if !namesOwnFigure(it) {
			return false
		}
	}
	return true
}

// balanced reports whether the last item is about as long as the others.
// A much longer one carries words every item shares (东区和西区在全省榜单上
// 各排第几: 在全省榜单上), and where those begin is not known, so such a
// question stays whole.
func balanced(items []string) bool {
	longest := 0
	for _, it := range items[:len(items)-1] {
		if strings.TrimSpace(it) == "" {
			return false
		}
		longest = max(longest, utf8.RuneCountInString(it))
	}
	last := utf8.RuneCountInString(items[len(items)-1])
	return last > 0 && last <= 2*longest
}

// cutDistributor splits seg at its first 各/分别 that asks something:
// the list before it, the question after it.
func cutDistributor(seg string) (list, rest string, ok bool) {
	for _, d := range distributors {
		i := strings.Index(seg, d)
		if i <= 0 {
			continue
		}
		list, rest = seg[:i], seg[i+len(d):]
		if rest == "" || !asksSomething(rest) {
			continue
		}
		return list, rest, true
	}
	return "", "", false
}

// asksSomething reports whether text holds a question word (多少, 几, 是多少 …).
func asksSomething(text string) bool {
	_, asks := analyzePart(text)
	return asks
}

// splitList cuts a list of items at its joiners.
func splitList(list string) []string {
	items := []string{list}
	for _, j := range listJoiners {
		var next []string
		for _, it := range items {
			next = append(next, strings.Split(it, j)...)
		}
		items = next
	}
	return items
}
