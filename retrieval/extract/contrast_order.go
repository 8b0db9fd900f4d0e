package extract

import "strings"

// contrastOrder is lexicon.contrasts as qualifiersIn reads them: each set's
// qualifiers longest spelling first (byLength), their spellings split. It
// runs for every question part, where sorting and splitting the sets anew
// cost more than looking for them.
var contrastOrder = orderContrasts(lexicon.contrasts)

// eventOrder is lexicon.events read the same way, as one set.
var eventOrder = orderContrasts([][]string{lexicon.events})[0]

// qualifier is one qualifier of a contrast set: its name (first spelling)
// and every spelling.
type qualifier struct {
	name      string
	spellings []string
}

func orderContrasts(sets [][]string) [][]qualifier {
	out := make([][]qualifier, len(sets))
	for i, set := range sets {
		for _, q := range byLength(set) {
			sp := strings.Split(q, "|")
			out[i] = append(out[i], qualifier{name: sp[0], spellings: sp})
		}
	}
	return out
}

// askedCurrencyMismatch is currencyMismatch for a question whose currency
// (askedCurrency) is known: a part's windows share it.
func askedCurrencyMismatch(asked string, figs []Figure) bool {
	if asked == "" {
		return false
	}
	money := false
	for _, f := range figs {
		if !strings.HasSuffix(f.Unit, "元") {
			continue
		}
		money = true
		if currencyOf(f.Unit) == asked {
			return false
		}
	}
	return money
}
