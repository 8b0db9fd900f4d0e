package extract

import (
	"slices"
	"strings"
)

// qualifiersIn lists the contrasting qualifiers (lexicon.contrasts) text
// writes, each by its first spelling. A longer qualifier hides the shorter
// ones inside it: 进出口 is not also 出口.
func qualifiersIn(text string) []string {
	var out []string
	for _, class := range contrastOrder {
		out = namesIn(out, text, class)
	}
	return out
}

// eventsIn lists the stages (lexicon.events) text names, each by its
// first spelling: 试运营 is not also 运营.
func eventsIn(text string) []string {
	return namesIn(nil, text, eventOrder)
}

// StatesAsked reports whether text states a stage of a project or an
// event that asked names (lexicon.events: 开工, 通车, 交付 …), or asked
// names none.
func StatesAsked(asked, text string) bool {
	want := eventsIn(asked)
	if len(want) == 0 {
		return true
	}
	got := eventsIn(text)
	return slices.ContainsFunc(want, func(e string) bool { return slices.Contains(got, e) })
}

// countStages are the stages (lexicon.events) q asks a count of: those
// whose verb stands right before its one ask (完成了多少套, 建成几个), not
// a stage q tells as the topic (甲线通车后运送了多少人). A question of
// two asks (几个园区…开工了多少) may ask each of another stage.
func countStages(q string) []string {
	asks := 0
	for _, ask := range lexicon.countAsks {
		asks += strings.Count(q, ask)
	}
	if asks != 1 {
		return nil
	}
	var out []string
	for _, st := range eventOrder {
		for _, sp := range st.spellings {
			for _, ask := range lexicon.countAsks {
				if strings.Contains(q, sp+ask) || strings.Contains(q, sp+lexicon.doneMark+ask) {
					out = appendNew(out, st.name)
				}
			}
		}
	}
	return out
}

// namesIn appends to out the name of each of qs (longest spelling first)
// that text writes, unless out holds it; a spelling found hides the
// shorter ones inside it.
func namesIn(out []string, text string, qs []qualifier) []string {
	for _, q := range qs {
		for _, spelling := range q.spellings {
			if strings.Contains(text, spelling) {
				out = appendNew(out, q.name)
				text = strings.ReplaceAll(text, spelling, "\n")
			}
		}
	}
	return out
}

// byLength orders a class's qualifiers longest spelling first.
func byLength(class []string) []string {
	out := slices.Clone(class)
	longest := func(q string) int {
		n := 0
		for _, s := range strings.Split(q, "|") {
			n = max(n, len(s))
		}
		return n
	}
	slices.SortStableFunc(out, func(a, b string) int { return longest(b) - longest(a) })
	return out
}

func appendNew(ss []string, s string) []string {
	if slices.Contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// qualifierAgreement is +1 when the sentence writes a qualifier the
// question asks, -1 when for some set of qualifiers it writes only others
// than those asked from that set (省级 for 国家级), 0 when it says nothing
// either way. A question may ask two of one set (市属 and 省属 compared):
// either written agrees.
func qualifierAgreement(asked, stated []string) float64 {
	agree := 0.0
	for _, a := range asked {
		switch {
		case slices.Contains(stated, a):
			agree = max(agree, 1)
		case slices.ContainsFunc(asked, func(b string) bool { return b != a && sameContrast(a, b) && slices.Contains(stated, b) }):
			// another asked qualifier of this set is written
		case slices.ContainsFunc(stated, func(s string) bool { return sameContrast(a, s) }):
			return -1
		}
	}
	return agree
}

// sameContrast reports whether two qualifiers are of one set.
func sameContrast(a, b string) bool {
	for _, class := range lexicon.contrasts {
		if slices.ContainsFunc(class, func(q string) bool { return strings.HasPrefix(q+"|", a+"|") }) &&
			slices.ContainsFunc(class, func(q string) bool { return strings.HasPrefix(q+"|", b+"|") }) {
			return true
		}
	}
	return false
}
