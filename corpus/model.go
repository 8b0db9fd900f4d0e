package corpus

import "strconv"

// Kind tells a body paragraph from a photo caption.
type Kind string

const (
	KindParagraph Kind = "paragraph"
	KindCaption   Kind = "caption"
)

// Table paragraphs: facts read from a statistical table (see table.go).
const (
	KindCell Kind = "cell" // one cell with its row and column labels
	KindRow  Kind = "row"  // one row's cells in a short line
)

// DocKind tells a yearbook from other documents loaded beside it: a
// yearbook reports on the year before its edition, a report is read as of
// the year it was delivered.
type DocKind string

const (
	DocYearbook DocKind = "yearbook"
	DocReport   DocKind = "report"
	DocOther    DocKind = "other"
)

// Place is a place a document is about: its name as written in titles
// (青岛市), the shorter names users type (青岛, 岛城), and the places under
// it (districts and county-level cities), each with their own aliases.
// A question naming a sub-place is about its parent too.
type Place struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"`
	Under   []Place  `json:"under,omitempty"`
}

// Meta is what a document is: everything the engine needs to know about
// one yearbook's place and time comes from here, never from engine code.
type Meta struct {
	Kind DocKind `json:"kind,omitempty"`
	// Place is the document's subject; empty for documents of many places
	// (a file of all provinces' reports), where each paragraph's own
	// place names decide.
	Place Place `json:"place"`
	// Edition is the year in the title (青岛年鉴2021 → 2021), 0 when none.
	Edition int `json:"edition,omitempty"`
}

// Yearbook is one loaded document (a yearbook, a report, …).
type Yearbook struct {
	Title string `json:"title"`
	// Year is the year the yearbook covers (2020 for the 2021 edition), 0 when unknown.
	Year     int       `json:"year,omitempty"`
	Meta     Meta      `json:"meta"`
	File     string    `json:"file"`
	Chapters []Chapter `json:"chapters"`
}

// Chapter is one part of a yearbook, e.g. one offensive of the Qingdao yearbook.
type Chapter struct {
	Title string `json:"title"`
	// Sources are the departments or authors the chapter credits, in order.
	Sources  []string  `json:"sources"`
	Sections []Section `json:"sections"`
	// SourceLine is the line of the credit that closes the chapter, 0 when
	// the chapter has none.
	SourceLine int `json:"source_line,omitempty"`
}

// Section groups the paragraphs under one heading.
type Section struct {
	Heading    string      `json:"heading"`
	Paragraphs []Paragraph `json:"paragraphs"`

	// Tables are the section's statistical tables; their cell and row
	// paragraphs are among Paragraphs and point back with Paragraph.Table.
	Tables []Table `json:"tables,omitempty"`
}

// Paragraph is the unit that is indexed and cited.
type Paragraph struct {
	// ID is stable across runs for the same file content: it is derived from
	// the yearbook title and the line, and short enough for callback data.
	ID   string `json:"id"`
	Line int    `json:"line"` // 1-based line in the source file
	Kind Kind   `json:"kind"`
	// Part numbers the units of one line (their ID is the line's with
	// ".part"): the passages of a paragraph too long to keep whole, or a
	// table cell's 1-based column (its row is Part 0). Cells stand on the
	// lines of table rows and passages on those of paragraphs, so the two
	// never share an ID.
	Part int `json:"part,omitempty"`
	// Figure is the photo number of a caption (图13 → 13), 0 for paragraphs.
	Figure int    `json:"figure,omitempty"`
	Text   string `json:"text"`
	// Places are the places the paragraph names (canonical names: 青岛市
	// for 岛城), and, in a file of many documents, first the place of the
	// document it belongs to where a dateline marks it.
	Places []string `json:"places,omitempty"`
	// Year is the year of the document inside a file of many documents
	// the paragraph belongs to, where a dateline gives it; 0 otherwise.
	Year int `json:"year,omitempty"`

	// Table is the 1-based index in Section.Tables of the table a cell or
	// row paragraph comes from, 0 for other paragraphs.
	Table int `json:"table,omitempty"`
}

// Passage is a paragraph together with where it stands, the flat view that
// search indexes and answers cite.
type Passage struct {
	Yearbook string
	File     string
	Chapter  string
	Section  string
	Sources  []string
	// SourceLine is the line of the chapter's credit (Chapter.SourceLine).
	SourceLine int
	Paragraph  Paragraph
}

// Passages lists every paragraph of the yearbook in file order.
func (y Yearbook) Passages() []Passage {
	var out []Passage
	for _, c := range y.Chapters {
		for _, s := range c.Sections {
			for _, p := range s.Paragraphs {
				out = append(out, Passage{
					Yearbook:   y.Title,
					File:       y.File,
					Chapter:    c.Title,
					Section:    s.headingOf(p),
					Sources:    c.Sources,
					SourceLine: c.SourceLine,
					Paragraph:  p,
				})
			}
		}
	}
	return out
}

// PhotoLabel is a caption's photo label as the yearbook numbers it (图13),
// "" for other paragraphs.
func (p Paragraph) PhotoLabel() string {
	if p.Kind != KindCaption || p.Figure <= 0 {
		return ""
	}
	return "图" + strconv.Itoa(p.Figure)
}
