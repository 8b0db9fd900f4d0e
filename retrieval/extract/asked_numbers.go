package extract

import (
	"strings"
	"unicode/utf8"
)

// statedNumbers are the numbers a question writes in digits about its
// subject (投资超过50亿元的项目): not years, which the year features read,
// nor a photo's number, which the photo features read. A sentence that
// writes none of them may tell of another threshold or another group.
// Chinese numerals are left out: most stand in words (哪一天, 一共).
func statedNumbers(question string) []string {
	var out []string
	for _, r := range numberSpans(question) {
		n, after := question[r.Start:r.End], question[r.End:]
		isYear := strings.HasPrefix(after, "年") || len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20")) && !startsMagnitude(after)
		if !isYear && !strings.HasSuffix(question[:r.Start], "图") {
			out = append(out, n)
		}
	}
	return out
}

// numberIn reports whether text writes number n as a whole number, not as
// part of a longer one (50 is not in 150 nor in 50.5).
func numberIn(text, n string) bool {
	if n == "" {
		return false
	}
	for from := 0; ; {
		k := strings.Index(text[from:], n)
		if k < 0 {
			return false
		}
		i := from + k
		j := i + len(n)
		before := i > 0 && (isDigit(text[i-1]) || text[i-1] == '.')
		after := j < len(text) && (isDigit(text[j]) || text[j] == '.' && j+1 < len(text) && isDigit(text[j+1]))
		if !before && !after {
			return true
		}
		from = i + 1
	}
}

// missesStated reports whether the sentence (canonical, with its headings)
// writes none of one of the numbers the question states.
func missesStated(stated []string, around string) bool {
	for _, n := range stated {
		if !numberIn(around, n) {
			return true
		}
	}
	return false
}

// countedOnly reports whether the head word of a names question (县 in
// 哪三个县) stands in the window, and every time right after a count
// (3个县获评) that no list of names leads up to (甲县、乙县2个县获评 names
// them): the window counts the things asked for by name and names none of
// them.
func countedOnly(window string, heads []Term) bool {
	found := false
	for _, h := range heads {
		for from := 0; ; {
			k := strings.Index(window[from:], h.Text)
			if k < 0 {
				break
			}
			i := from + k
			found = true
			if !afterCount(window[:i]) || listedBefore(window[:i]) {
				return false
			}
			from = i + len(h.Text)
		}
	}
	return found
}

// afterCount reports whether before ends in a count: digits and a measure
// word (3个, 5家).
func afterCount(before string) bool {
	r, n := utf8.DecodeLastRuneInString(before)
	if n == 0 || !strings.ContainsRune(countMeasures, r) {
		return false
	}
	before = before[:len(before)-n]
	return before != "" && isDigit(before[len(before)-1])
}

// listedBefore reports whether a list of names leads up to the count that
// before ends in: the clause's words before the count end in a list
// closed by 等 (甲、乙等3个), or their last 、 leaves a short name before the
// count (甲公司、乙大学2家). A list ending far before the count (经济、社会
// 发展指标居前的3个县) names no counted thing.
func listedBefore(before string) bool {
	if k := strings.LastIndexAny(before, listMarks); k >= 0 {
		before = before[k:]
	}
	_, n := utf8.DecodeLastRuneInString(before) // the count's measure word (afterCount)
	before = strings.TrimRightFunc(before[:len(before)-n], func(r rune) bool { return r < utf8.RuneSelf })
	if strings.HasSuffix(before, "等") {
		return strings.Contains(before, "、")
	}
	k := strings.LastIndex(before, "、")
	if k < 0 {
		return false
	}
	last := before[k+len("、"):]
	return utf8.RuneCountInString(last) <= listedNameRunes && !strings.Contains(last, "的")
}

// listedNameRunes bounds the last name of a list right before a count.
const listedNameRunes = 8

// countMeasures are the measure words a count of named things takes.
const countMeasures = "个家项名所座条位处批种类只部"

// startsMagnitude reports whether s starts with a magnitude, a measure
// word or an approximation, so that the number before it (2010亿元, 2000辆,
// 2000多家) is an amount, not a year.
func startsMagnitude(s string) bool {
	return hasPrefixAny(s, countUnits) != "" || hasPrefixAny(s, approximations) != "" || strings.HasPrefix(s, "%")
}
