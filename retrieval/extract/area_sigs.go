package extract

// areaSigs are the signatures of the areas' canonical names: otherArea
// looks for every area in every sentence read of a part asking about a
// place, and a sentence's character sets rule most of them out before a
// search.
func areaSigs(areas []area) []wordSig {
	out := make([]wordSig, len(areas))
	for i, a := range areas {
		out[i] = wordSigOf(a.canon)
	}
	return out
}
