package extract

import (
	"strings"
	"unicode/utf8"
)

// A veto removes a candidate that cannot answer, whatever its score: only
// impossibilities belong here. Whether a candidate states what was asked
// (its place, year, event, unit) is weighed by features, not vetoed, but
// for a few cases each named below: a sentence telling of another district
// than the one asked, one naming no place when a division is asked
// (哪个区), a passage outside the part of the yearbook the question names,
// a place or a role no document writes, a sentence naming no holder
// of the office asked, one stating a whole for the part asked, and one
// telling the change of a whole whose part is asked.
type veto struct {
	name string
	// onFeatures marks a veto that reads the candidate's features; the
	// others decide on the window alone, before its features are
	// computed, which spares most windows that work.
	onFeatures bool
	// why returns the reason the candidate cannot answer, "" when it can.
	why func(pi *partInfo, c *Candidate) string
}

// vetoes are checked in order; the first that objects names the reason.
var vetoes = []veto{
	{"no-figure", false, func(pi *partInfo, c *Candidate) string {
		// A question asking how many, when or which place in a ranking is
		// not answered by a window with no figure of that kind.
		if pi.wantFig && len(c.figs) == 0 {
			return pi.a.noFigureReason()
		}
		return ""
	}},
	{"unseen-place", false, func(pi *partInfo, c *Candidate) string {
		// A sub-area no document writes (甲镇 of another county) is told
		// of by no sentence: a figure of the whole is not its figure.
		if pi.unseenPlace != "" {
			return "no document writes " + pi.unseenPlace
		}
		return ""
	}},
	{"unseen-role", false, func(pi *partInfo, c *Candidate) string {
		// Who holds a person's role no document writes, even as the end
		// of a compound (医院院长 of 院长), is told by no sentence.
		if pi.personRole() && pi.role.Unseen && !pi.role.TailSeen {
			return "no document writes " + pi.role.Text
		}
		return ""
	}},
	// no-holder reads no feature, but the sentence's holder, which the
	// walker reads with the sentence's features (loadSentence).
	{"no-holder", true, func(pi *partInfo, c *Candidate) string {
		// Who holds an office is told by a sentence naming its holder:
		// one writing the office alone (由市领导任指挥长) tells who
		// appoints, or that the office exists, not who holds it.
		if c.holderUnnamed {
			return "names no holder of " + pi.role.Text
		}
		return ""
	}},
	// whole-for-part, too, reads the sentence's fact the walker loads
	// with its features.
	{"whole-for-part", true, func(pi *partInfo, c *Candidate) string {
		// A figure of a whole (城乡低保对象) is not that of the part asked
		// (城市低保对象) when the sentence writes the part nowhere.
		if c.wholeFor != "" {
			return "states " + c.wholeFor + ", the whole, not the part asked"
		}
		return ""
	}},
	{"change-of-whole", true, func(pi *partInfo, c *Candidate) string {
		// A change told of a whole before 其中 splits it (甲里程…增加74
		// 公里，其中乙86公里) is not the change of the part asked (乙).
		if c.changeOfWhole {
			return "tells the change of the whole, not of the part asked"
		}
		return ""
	}},
	{"another-place", true, func(pi *partInfo, c *Candidate) string {
		// A sentence that names another district and not the one asked
		// tells the other district's figure (东区…第4位 for 西区).
		if c.elsewhere != "" {
			return "tells of " + c.elsewhere
		}
		return ""
	}},
	{"no-place", true, func(pi *partInfo, c *Candidate) string {
		// A question asking which division (哪个区) or where an event
		// was held (甲会在哪个会场举行) is not answered by a sentence naming
		// no place but the documents' own. Other where questions may be
		// answered by a venue or a country no gazetteer holds: for them
		// place_unnamed is only weighed.
		if (pi.asksDivision || pi.asksVenue) && c.X[FPlaceUnnamed] > 0 {
			return "names no place"
		}
		return ""
	}},
	{"only-excepted", true, func(pi *partInfo, c *Candidate) string {
		// A question setting things aside (除了甲、乙还有哪些) asks for
		// the others: a sentence listing only those set aside names none.
		if c.excepted {
			return "lists only what the question sets aside"
		}
		return ""
	}},
	{"another-part", true, func(pi *partInfo, c *Candidate) string {
		// The user names where the fact stands (总述里, 花卉城那章): a
		// passage outside that part is not what they read, when a
		// passage read is inside it.
		if pi.locusMet && c.X[FLocusClash] > 0 {
			return "outside the part of the yearbook named"
		}
		return ""
	}},
	{"nothing-asked-found", true, func(pi *partInfo, c *Candidate) string {
		// A window sharing no term of the question with its paragraph is
		// a figure about something else.
		// The caption of the photo asked (图7) shares its label with
		// the question, not its words.
		if c.X[FCoverPara] == 0 && c.X[FBigrams] == 0 && c.X[FPhoto] <= 0 {
			return "none of the question's words"
		}
		return ""
	}},
}

// vetoOf returns the name and reason of the first veto against c among
// those that read features (onFeatures) or those that do not.
func vetoOf(pi *partInfo, c *Candidate, onFeatures bool) (name, reason string) {
	for _, v := range vetoes {
		if v.onFeatures != onFeatures {
			continue
		}
		if r := v.why(pi, c); r != "" {
			return v.name, r
		}
	}
	return "", ""
}

func joinWants(ws []Want) string {
	s := ""
	for i, w := range ws {
		if i > 0 {
			s += ", "
		}
		s += string(w)
	}
	return s
}

// SubAreaName is name without the kind of sub-area ending it (甲 of 甲镇:
// lexicon.subAreaKinds), ok unset when no such kind ends it.
func SubAreaName(name string) (own string, ok bool) {
	for _, k := range lexicon.subAreaKinds {
		if own, ok := strings.CutSuffix(name, k); ok {
			return own, true
		}
	}
	return "", false
}

// unseenPlace is the first key term of the question that names a sub-area
// (a name of two characters or more before a kind of lexicon.subAreaKinds:
// 甲乙镇, not 城乡) that no document writes, "" when none.
func unseenPlace(terms []Term) string {
	for _, t := range terms {
		if !t.Key || !t.Unseen || t.Context {
			continue
		}
		if own, ok := SubAreaName(t.Text); ok && utf8.RuneCountInString(own) >= 2 {
			return t.Text
		}
	}
	return ""
}
