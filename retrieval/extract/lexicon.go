package extract

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// lexicon holds the general Chinese words the answer selector's features
// and vetoes look for. They describe how questions and yearbook prose are
// written, never one yearbook: places and years come from Setting.
var lexicon = struct {
	// events are verbs naming a stage of a project or an event. A
	// question about one stage (开工) is not answered by a sentence
	// dating another (通车). Spellings of one stage are joined by "|",
	// the first naming it (动工 is 开工).
	events []string
	// eventKin are stages a count of one is told by another: what was
	// completed is told as built or handed over (完成了多少套 by 建成800套),
	// what was started as started building (启动了多少套 by 启动建设). Named
	// by each stage's first spelling.
	eventKin [][]string
	// photo words ask about a picture: its caption answers.
	photo []string
	// wholeArea words ask about the whole of the document's place;
	// wholeMarks and a place's level make such words (全市, 本县), and so
	// does the level with wholeAfter (县里).
	wholeArea  []string
	wholeMarks []string
	wholeAfter string
	// currencies a money figure may be given in; 元 alone is the yuan.
	currencies []string
	// ratePeriods are the words giving an amount per day, month or year
	// (每日3万吨, 一年能处理多少): an amount per day does not answer a
	// question per year, though its unit is the asked one.
	ratePeriods [][]string
	rateMasks   []string
	// perItemLeads before a counter (每期, 单场) and perItemWords give
	// what follows per item: a figure per item is not the items' total
	// (perItemMismatch). perItemMasks hold such a lead without meaning it
	// (单位 is an organisation, 单项冠军 a title, 清单条目 a list's items);
	// a threshold after one with its own value (单笔超亿元项目) picks out
	// which items are counted: perItemThresholds (picksItems).
	perItemLeads []string
	perItemWords []string
	perItemMasks []string
	// perItemThresholds are the words of such a threshold; a total
	// written after the lead (每名新生共计发放…) is the items' total:
	// perItemTotals.
	perItemThresholds []string
	perItemTotals     []string
	// shareAsks ask a share without naming one (占全市多少, 完成目标的多少,
	// 几成): a share then answers a question naming a measure. shareAskMasks
	// hold such a word without asking one (占地面积).
	shareAsks     []string
	shareAskMasks []string
	// placeJoiners join two places named together (甲区与乙区).
	placeJoiners []string
	// topicLeads may open a clause before its topic place, placing it in
	// time or in the text (其中甲区…, 今年以来甲区…, 在甲区…): leadsTopic.
	topicLeads []string
	// perItemAfterValue follow their value (1亿元以上): a threshold when a
	// value stands before them (picksItems).
	perItemAfterValue []string
	// measureFillers are the characters that may stand between the
	// measured word and the question word without telling what was done
	// to it (人口一共有多少, 企业现在有几家): measureNear.
	measureFillers string
	// country is the country's name, a rank's scope after a rank verb
	// (居中国第2位; 居中国沿江城市第2位 is a region's: countryScope).
	country string
	// scopeAfter opens the rest of a count's clause when it says where
	// the count holds (13个在全省推广): the count's scope, when the
	// clause before it names none.
	scopeAfter string
	// amountApprox follow an amount to make it approximate (三千多).
	amountApprox []string
	// diffVerbs compare a thing with another (高于全市, 快于全省): the
	// figure after one is the difference; comparatives after diffMark
	// (比) and the other thing do too (比全市高). diffAsks follow a
	// comparative when a question asks that difference (比全省慢多少).
	// notDiffMarks hold 比 or a comparing word without comparing two
	// things (比重, 同比).
	diffVerbs    []string
	diffMark     string
	comparatives string
	diffAsks     []string
	notDiffMarks []string
	// divisionCounters follow a count of divisions written in words (沿江
	// 五省, 两市): a figure that only a question counting them (几个省)
	// takes. An ordinal (第三区) counts none, nor does a counter that
	// starts another word (三市场, 两区域: divisionNotBefore).
	divisionCounters  string
	divisionNotBefore string
	// plainCounter is the counter a count of anything may take (几个省).
	plainCounter string
	// rankAt (在) opens where a rank is: in a question, what follows it
	// up to the question word is the asked scope (在沿江城市排第几), unless
	// it stands in one of atWords (在建, 现在). A scope word before it is
	// asked too, unless a list's name holds it (全球甲百佳榜里…): listNames.
	rankAt    string
	atWords   []string
	listNames []string
	// counters are measure words of a count: 几个 is answered by any of
	// them (9人, 70万家, 18条), but never by a measure (吨, 元, %).
	counters []string
	// personCounters count people; each answers a question asked with
	// another (多少人 by 666名).
	personCounters []string
	// eventCounters count times or events (3次, 2场), never things or
	// people: CountsAlike keeps them apart from both.
	eventCounters []string
	// occurrenceCounters count happenings, each answering another: 出了几次
	// is told in 起 (of call-outs, cases), 开了几次会 in 场. 人次 counts
	// people and 届 or 期 editions, so they are not among them.
	occurrenceCounters []string
	// genericCounter counts any thing: a count of organisations asked in
	// their own counters (orgCounters: 几家, 几所) is told in it before in
	// a counter of another kind of thing (张 for beds).
	genericCounter string
	// pieceCounter counts pieces before a noun (几块牌匾); alone, before a
	// numeral or 每 (perWord), or beside a word of buying (buyingBefore
	// the count word, buyingAfter 块), it is speech's yuan (多少块一斤, 花了
	// 多少块, 多少块买的).
	pieceCounter string
	perWord      string
	buyingBefore []string
	buyingAfter  []string
	// spokenUnits are units as speech says them, with the unit the text
	// writes (方 of water or earth is 立方米); volumeNouns are what a
	// spoken 方 measures, one of which stands beside it (几方土, 清淤几方),
	// since 几方 also counts parties.
	spokenUnits map[string]string
	volumeNouns []string
	// unitShortForms are a written unit's shortened spoken forms (平方 and
	// 平米 of 平方米, 场 of 场次), said after 多少 of a figure in that unit;
	// not 人 of 人次, which counts people, not visits.
	unitShortForms map[string][]string
	// periodWords say a unit's period as speech does (每天 of 吨/日).
	periodWords map[string][]string
	// spendVerbs say money was spent or put in (花了多少, 投得最多): of a
	// figure in yuan of a measure of spending (spendMeasures: 投资, 经费)
	// they ask that figure, nothing more. Each is two characters or more:
	// 花 alone is also a flower.
	spendVerbs    []string
	spendMeasures []string
	// partyMarks before 几方 make it a count of parties (由几方投资).
	partyMarks string
	// roughAfter bound a sum said in speech (多少块左右).
	roughAfter  []string
	orgCounters []string
	// groupPlaces are kinds of place a count makes a group of (两市, 三区,
	// 2个区(市)); groupOthers, right after one, make it another thing
	// (两个市级平台, 两个区域, 两个市场) or part of a name of counts (三区三线).
	groupPlaces []string
	groupOthers string
	// groupCounters follow a count of things of one kind (五大甲馆,
	// 15个乙区块); groupKindEnds end the kind the count names (五大甲馆和乙馆:
	// 甲馆). A key word opening with one of everyMember names no one
	// member of the group (各甲馆, 这些甲馆): the question asks of every
	// member.
	groupCounters string
	groupKindEnds string
	everyMember   []string
	// groupNumerals are the Chinese numerals a group's count is written
	// in; after ordinalMark a count is a place in order (第一个).
	groupNumerals string
	ordinalMark   string
	// peopleNouns are people counted by what they do (观众, 游客): asked
	// how many (多少观众, 游客有多少), the answer counts people (人, 人次),
	// not the shows or clicks they came to.
	peopleNouns []string
	// countAsks ask how many; finalParticles end a question after its
	// last word (多少游客了, 来了多少观众呢).
	countAsks      []string
	finalParticles string
	// provinceScopeBefore and provinceScopeAfter, right before or after a
	// province's name, make it the area of a rank or a count (在浙江,
	// 居浙江省第5位, 浙江省内); notProvinceAfter, right after it, make it
	// part of another name (浙江路, 吉林市, 浙江大学, 江西中路, 海南区).
	provinceScopeBefore string
	provinceScopeAfter  []string
	notProvinceAfter    string
	// frameBefore and frameAfter, right before or after a place the
	// documents' own lies in, make it the frame of a rank or share
	// (在甲省排第几, 占甲省的比例, 甲省内排第几): see Term.Frame. After it,
	// 内 alone may start a word of its own (甲省内河).
	frameBefore string
	frameAfter  []string
	// sequenceUnits count batches, phases and sessions (首批, 一期,
	// 首届): their first is no rank.
	sequenceUnits []string
	// rankMoves move a rank (上升2位) by places (rankMoveUnits);
	// rankMoveAsks ask by how many (升了几位).
	rankMoves, rankMoveAsks, rankMoveUnits []string
	// rankMoveTo after a move and rankFrom before it tell where a rank
	// moved from and to (由第15位上升至第10位).
	rankMoveTo []string
	rankFrom   string
	// wholeWords open the whole a share is of (占全部甲的70%).
	wholeWords []string
	// nounJoiners join two things counted together (甲和乙12家).
	nounJoiners []string
	// roughMarks make a count rough between its number and its magnitude
	// or measure word (100余所, 20多万人).
	roughMarks []string
	// tallyUnits are the units in which an ordinal (第三十届) also counts
	// how many there have been; tallyTimes those in which it does when a
	// verb of being chosen or held follows (第五次入选: tallyVerbs).
	tallyUnits, tallyTimes, tallyVerbs []string
	// boundsAfter after a figure, or a threshold before it and boundOf
	// after it, make it a bound of things a count right after counts
	// (5亿元以上项目20个, 超过5亿元的项目20个), not a value of theirs.
	boundsAfter []string
	boundOf     string
	// followUpMark closes a follow-up (那乙呢) as a question mark does;
	// followUpLeads open one, longest first, unless one of
	// followUpLeadStops follows (那个, 那些: words of their own).
	// followUpFillers name no thing a follow-up asks about (然后呢).
	followUpMark      string
	followUpLeads     []string
	followUpLeadStops string
	// chatTails end a chat message's sentence (乙港呢~, 多少…) and say
	// nothing: a segment is read without them.
	chatTails       string
	followUpFillers []string
	// manyLeads before 多 make 多 "many" (很多大企业, 更多快递), not a
	// question word's (多大, 多快).
	manyLeads string
	// notThisYear before 今年 make it part of another word (如今年轻,
	// 至今年), unless untilWords end there (截至今年6月): no year asked.
	notThisYear string
	untilWords  []string
	// whereAsks ask where (在哪, 哪个区): the answer names a place, which
	// a town, a street or a venue may be (甲河镇, 乙街道, 丙广场:
	// placeTails). whereAfterNot, right after a where-word, make it ask
	// something else (哪个市场, 哪个国家级称号); after 在哪 and a count
	// (在哪个, 在哪些, 在哪两个) only placeHeads ask where (在哪个园区, not
	// 在哪些方面, 在哪几年 or notPlaceHeads: 在哪个市场). A tail after one of
	// placeTailNotBefore or before one of placeTailNotAfter is a kind of
	// place, no name (城镇, 每个镇, 城市街道, 镇街, 镇域).
	whereAsks          []string
	whereAfterNot      string
	whereCounts        string
	placeHeads         []string
	notPlaceHeads      []string
	placeTails         []string
	placeTailNotBefore string
	placeTailNotAfter  string
	// newly before a change word makes it an addition (新增加), which
	// a 新增 figure answers, not a change; unless notNewly stands before
	// it (更新, 创新).
	newly    string
	notNewly string
	// ownWholeLevels are the levels whose whole (全区, 全县) a question
	// about one such place (东区) may mean by it.
	ownWholeLevels string
	// comparedTo, ending the words before a place, make it what a figure
	// is compared with or ranked in (高于全市, 占到全市, 列全市), not what
	// it is of.
	comparedTo []string
	// measureNouns are units a question may write after 多少 that are no
	// thing counted (多少岁, 几成, 多少公斤); amountNotHeads go on from 多少
	// to a comparison, a time word or a filler (多少相比去年, 多少去年, 多少
	// 到底); amountNouns are
	// the one-character things an amount may be asked of (多少费);
	// notChanges hold a change word without being a change (起降, 升降)
	// unless one of dateEnds stands before them (7月起降了).
	measureNouns   []string
	amountNotHeads []string
	amountNouns    []string
	// amountMagnitudes may stand between 多少/几 and a unit (几十万人).
	amountMagnitudes []string
	// addingChanges, nearest before a count (增加认证机构12家), say how
	// many things were added; baseMarks before them (比上年增加, 同比增加,
	// 较同期增加) make the count a difference from a base instead.
	addingChanges []string
	baseMarks     []string
	// addedNotBefore after an adding word makes it a level (增加值);
	// notBases begin with a mark of a base and name none (比重, 较快).
	addedNotBefore string
	notBases       []string
	// breakdowns open a clause telling the item before it in parts
	// (其中国家级10家), and allAre open one telling it as a whole (均为省级):
	// its qualifiers are that item's.
	breakdowns []string
	// breakdownOpeners before a breakdown word make it open a clause
	// (，其中; 含量 holds none).
	breakdownOpeners string
	allAre           []string
	// recaps open a clause about what the list before it told (以上均为…).
	recaps []string
	// thresholds before a count in a question make it a bound the things
	// named pass (超过5家的区), not their number; nameWords after 的 ask the
	// names of the things counted (这4个镇的名称).
	thresholds []string
	nameWords  []string
	// negations between a verb and itself ask yes or no (超没超, 到不到);
	// notANotA are the words of that shape that ask nothing (动不动).
	negations string
	notANotA  []string
	// ordinalMeasures follow the number of an ordinal that says which one
	// is meant (第十八届, 第3批), unlike a fixed term (第三产业).
	ordinalMeasures string
	// countLeads, before a count, leave it the opening of its clause
	// (全区有3个街道入选, 资产超百亿的达3家); namesAfter lead the names of what it counts
	// (3个区入选，分别为甲区…). selectVerbs choose the things a count right
	// after them counts (遴选20家企业): a names question's count restated.
	countLeads  []string
	selectVerbs []string
	// countNounStops end the noun a question counts (4个乡镇叫什么), and so
	// do countNounStopWords (3所分别是): 都 and 各 alone may begin a noun
	// (都市圈). nameLeads lead names (获评的有甲县).
	countNounStops     string
	countNounStopWords []string
	// nounLink joins the words qualifying a noun to it (入选甲榜的企业).
	nounLink string
	// verbsBeforeLink end verbs that 为 or 是 complete (评为, 作为, 就是):
	// such a 为 leads no names.
	verbsBeforeLink string
	nameLeads       []string
	// namesAskWords open the asking of names (哪几家, 都有谁, 是什么):
	// what is written before them is what the names are of, past the
	// words nameAskLinks link them with (项目叫什么, 企业都是哪些).
	namesAskWords []string
	nameAskLinks  []string
	// whoWord asks a name on its own (都有谁, 谁牵头); holderAsks end a
	// question for who holds the role before them (院长是谁, 书记叫什么).
	whoWord    string
	holderAsks []string
	// roleEnds end the name of a person's role (院长, 村支书, 负责人,
	// 投资者).
	roleEnds []string
	// subAreaKinds end the names of a county's or district's parts (甲镇,
	// 乙街道); the table path reads the rows of a table of such parts as
	// places (SubAreaName).
	subAreaKinds []string
	// officeEnds end an office one person holds (院长, 村党支部书记),
	// whose holder a yearbook names beside it when it names one: a role
	// held by a body (投资者, 代表, 委员) is not among them.
	officeEnds []string
	// surnames are common one-character family names, the first of a
	// holder's name written after an office or before 任 (任 itself and
	// the function words 和 全 时 向 left out: 院长和书记 names no one).
	// appointVerbs put a holder in an office (甲任组长, 由乙担任); a
	// holder may follow an office after one of holderSeps (院长：甲, 院长为甲,
	// 组长由甲担任).
	surnames     string
	appointVerbs []string
	holderSeps   []string
	// moreOrLess, after thanMark and the base of a comparison and before
	// a verb and doneMark, ask a deed done more or less (比上年多修了):
	// comparedDeed.
	moreOrLess string
	thanMark   string
	// wholeSplits split a sentence's whole into its parts (甲2368公里，
	// 其中乙86公里): changeOfWhole.
	wholeSplits []string
	// sharedMarks say a whole's figure holds for each of its parts (城乡低保
	// 标准统一): wholeForPart.
	sharedMarks []string
	// whichRunes open a which-word before the kind asked (哪个, 哪些, 哪几个).
	whichRunes string
	// wholeParts are wholes written as one qualifier (城乡) with the parts
	// a question may ask of instead (城市, 农村): wholeForPart.
	wholeParts map[string][]string
	// officeKin are other ends an office is written with (书记 for 支书);
	// nowMarks before 任 leave the holder to the
	// sentence's opening name (甲某某，…，现任乙局局长); honorifics follow a
	// name (甲某同志). holderSpaces, asideOpens and asideCloses may stand
	// between an office and its holder (院长（兼）甲某); clauseMarks end a
	// clause.
	officeKin map[string][]string
	// officeListMark lists offices one person holds (局长、党组书记);
	// holderLeads may stand right before a holder's name (由甲某任, 选举甲某为).
	officeListMark string
	holderLeads    []string
	nowMarks       []string
	honorifics     []string
	holderSpaces   string
	asideOpens     []string
	asideCloses    string
	clauseMarks    string
	// dayAsks ask a day, and so does dayNumber unless one of
	// numberedThings follows (几号线): a year, a period or a month alone
	// does not answer them; a date ending in one of dayUnits does, and
	// one of a month (monthUnit) ending in one of monthParts (6月底,
	// 上旬), as near a day as a yearbook writes.
	dayAsks        []string
	dayNumber      string
	numberedThings string
	dayUnits       []string
	monthUnit      string
	monthParts     []string
	// unitRefusals before a measure word rule figures in it out (要人数，
	// 不是人次).
	unitRefusals []string
	// howMuch before a noun ending in one of moneyEnds asks a sum of
	// money (多少补助金, 多少善款); 费 is not one (消费), nor 金 of a metal
	// (黄金, 合金) or 款 of a model (多少款).
	howMuch   string
	moneyEnds []string
	// clockAsks ask a time of day (几点开始), which a figure in a clock
	// unit answers (晚8点, 19时, 20:00), when a part of the day stands
	// before them or one of clockFollowers after; decimalAsk after them
	// asks a decimal (几点几).
	clockAsks      []string
	clockUnits     []string
	dayParts       []string
	clockFollowers []string
	decimalAsk     string
	// versionMeasures number an edition (2.0版): a number in one answers
	// the ordinal asked in it (第几版), though no 第 is written.
	versionMeasures []string
	namesAfter      []string
	notChanges      []string
	dateEnds        string
	// notAsks hold a count word without asking (几乎).
	notAsks []string
	// magnitudes may stand before a unit (70万家, 5亿元).
	magnitudes []string
	// contrasts are sets of qualifiers that exclude one another: a figure
	// stated for one (省级, 首期, 累计) does not answer a question about
	// another (国家级, 二期, 新增). Spellings of one qualifier are joined
	// by "|", the first naming it.
	contrasts [][]string
	// flowWords say a count is what the year added; stockWords and
	// stockAsks that it is what stands (see aspect). levelLink (达) tells
	// a level where no word of an addition precedes it.
	flowWords []string
	// A year word and newMark (去年新, 全年新) say what the year
	// added, whatever verb follows (全年新挂牌企业), unless 新 starts one
	// of newKinds, words naming a kind of thing (新型, 新能源), not an
	// addition. A question must also write doneMark (了) after the verb
	// (去年新挂牌了几家): a place named 新… is no verb, nor one ending in a
	// place tail before 了 (去年新河镇种了多少), and 有了 asks what stands
	// (haveDone).
	yearWords []string
	newMark   string
	newKinds  []string
	doneMark  string
	haveDone  string
	// yearBaseLeads before a relative year (比前年, 较前年) make it the
	// base a change is measured from, not a year asked, unless a rune of
	// notBaseBefore makes the lead part of another word (占比, 比较,
	// 对比); so do yearBaseJoins before it with yearBaseAfter after it
	// (与前年相比, 跟前年比).
	yearBaseLeads []string
	// changeBases group the words of the period a change is measured from
	// (比上年, 比上半年): a rise over the first half is not one over the year
	// before. Groups holding longer words come first, as 上半年 and 上年末
	// are no 上年.
	changeBases [][]string
	// sameYearBase measures a change from the year before with no lead
	// (同比增长): it is changeBases' last group. sameBases pair groups
	// naming one point in time: the end of the year before is the start
	// of this one, and for a level told at the year's end (常住人口比上年末
	// 减少) the year before's.
	sameYearBase  string
	sameBases     [][2]string
	notBaseBefore string
	yearBaseJoins []string
	yearBaseAfter []string
	// nameTails are generic last words of quoted names (a list, a
	// programme) that users leave out when they name the thing.
	nameTails  []string
	stockWords []string
	// notStockAfter are, for a stock word, the runes that make a word
	// with its first character (落实有, 发现有): then it is no stock word.
	notStockAfter map[string]string
	stockAsks     []string
	// totalMark before a measure asks what stands too (总库容, 总面积),
	// unless a rune of notTotalAfter makes another word of it (总体, 总结,
	// 总书记, 总部) or one of notTotalBefore does (汇总).
	totalMark      string
	notTotalAfter  string
	notTotalBefore string
	levelLink      string
	// grantedAfter, right after a count opening its clause, say the
	// things counted were granted something this year (see figureAspect).
	grantedAfter []string
	// asOfWords say a count stands at a time (截至年底, 五年来): not what
	// the year granted (see grantedCount).
	asOfWords []string
	// countObjectsNot open no thing made, but the count of the one before
	// (新认定总数达200家).
	countObjectsNot []string
	// areaFillers stand between an area and what is done in it
	// (在全国范围内推广).
	areaFillers []string
	// asOfDates tell a count as of a date (截至年底): how many there are
	// then, not how many the year added (aspectAsOf).
	asOfDates []string
	// countLists, after a count question's scope word, name the list
	// the scope word belongs to (see namesList).
	countLists []string
	// pointsCues make 几个点 ask points of a difference or a growth
	// (比全区快几个点), not a count of sites (see Part.asksPoints).
	pointsCues []string
	// vagueRanks place among the best without saying where (居全国前列):
	// no answer to 第几. growthWords make the rank after them in its
	// clause a rank of a growth (增速居全省第一), not of the level; 增加
	// is none of them, being half of 增加值, a level.
	vagueRanks  []string
	growthWords []string
	// rankVerbs open the clause of a rank that belongs to the value
	// before it (吞吐量2201万标准箱,居全国第五位): the rank's subject is
	// that value's.
	rankVerbs []string
	// figureNouns name a figure of what precedes them (投资规模, 企业数,
	// 榜单排名): two phrases each ending in one, joined by one of
	// figureJoiners, ask two figures. figureModifiers qualify a figure
	// without naming what it is of (同比增速, 全年产值).
	figureNouns []string
	// measureKinds are the words naming one measure of a thing, each
	// kind one measure (收入 and 营收): a figure whose own words name
	// another measure (营业收入) does not answer for the asked one (利润).
	// measureMasks are longer words holding a measure's word that name no
	// such measure (规模以上 qualifies firms; 固定资产投资 is an investment).
	// percentMasks hold 率 and ask no rate (全省率先): a question writing
	// them asks no percent.
	measureKinds []measureKind
	measureMasks []string
	percentMasks []string
	// plainVerbs tell that a figure is reached, not what it counts
	// (共计完成120个): words a figure's own may add to the question's and
	// still tell of the asked thing (measuredFigures).
	plainVerbs      []string
	figureJoiners   []string
	figureModifiers []string
	// exceptLeads open what a question sets aside (除了甲、乙，还有哪些),
	// unless a rune of notExceptBefore makes them part of a verb (扣除了,
	// 排除了); bareExceptLead does only with bareExceptEnd after it in
	// its clause (除甲、乙外). exceptEnds close it, besides a clause mark:
	// words ending it and the question words. listCloser closes a list
	// that names only some of its things (甲、乙等5个).
	exceptLeads     []string
	notExceptBefore string
	bareExceptLead  string
	bareExceptEnd   string
	exceptEnds      []string
	listCloser      string
	// exceptSeparators split what a question sets aside into its names
	// (甲、乙和丙).
	exceptSeparators string
	// firmTails may end a firm's name after its own words (甲乙商贸有限
	// 公司 for 甲乙): all that may stand between a name set aside and the
	// 等 closing a list of it alone (closedByCount).
	firmTails []string
	// minAbbreviation is the shortest name set aside that may abbreviate
	// a list, one character an item (甲乙丙 for 甲市、乙市、丙市): two
	// characters are too often a name of their own.
	minAbbreviation int
	// yesNoTails end a yes/no question in speech (过5万没: yesNoWords
	// hold 了没), unless the question ends with a verb of notYesNoTails
	// that holds one (农田被淹没).
	yesNoTails    []string
	notYesNoTails []string
	// shareInTenths asks a share in tenths (完成了几成): no amount.
	shareInTenths string
	// levelSuffix makes a level of a word (国家级, 村级): documents often
	// write the level's word alone before what it qualifies (国家示范基地,
	// 村(社区)服务站). grassrootsLevels are the levels of one character
	// whose word alone may stand for the level: those below any
	// yearbook's own place, where 市 of 市级 and 省 of 省级 stand in every
	// 全市 and 全省 of a city's or a province's yearbook.
	levelSuffix      string
	grassrootsLevels string
	// progressVerbs tell what is done of a sum (完成总投资的40%): a share
	// after one answers the sum done (shareOfMeasure).
	progressVerbs []string
	// locusMarkers follow the words naming a part of the yearbook
	// (总述那一章, 花卉城这一节); looseLocusMarkers do so too but also follow
	// things the text tells of (那份报告里, 这部分企业). sectionTitles are
	// titles yearbooks give a part of their own, named without a marker
	// (总述说); a title every chapter has (概况) names none. After 里,
	// which also ends words (公里) and starts them (里程), only a word of
	// saying in localFollowers, or no word, may come, and none of the
	// characters in liWords (公里, 这里) may stand before it.
	// A part marker (partMarkers: 那部分) before a word of saying
	// (sayings: 那部分说) names a part of the yearbook, as a strict marker
	// does.
	// locusFillers are the characters of a part that asks again of
	// another part of the yearbook (花卉城那一节给的具体数又是多少) besides
	// its locus: words of saying, of the marker, of "the figure".
	locusFillers      string
	locusMarkers      []string
	looseLocusMarkers []string
	partMarkers       []string
	sayings           []string
	sectionTitles     []string
	localFollowers    string
	liWords           string
	// linkers are characters that join words without qualifying them
	// (的, 和, 达): beside a question's word they do not stand in for
	// another word of the question (swapped).
	linkers string
	// A demonstrative and a measure word (那份, 这批) point at a thing the
	// question names elsewhere: they decide nothing (Lexicon.soft).
	demonstratives  string
	pointedMeasures string
	// measureEnds end a word naming a measure of its own (箱量, 交易额):
	// an item ending in one shares no figure word (sharedFigure).
	measureEnds string
	// backReferences point at what a part before named (它, 其中): a
	// part holding one takes the earlier parts' words (standsAlone).
	backReferences []string
	// mostMark before a word of degree asks for the one that is most
	// (最高, 最多), and in a sentence singles one out; notDegrees after it
	// are of time or order instead (最后, 最近, 最早). singlingWords single
	// one out of many too (居首, 领跑, 前三); firstWords do (全省第一) when
	// firstAfter or no Han character follows them, not as an ordinal
	// (第一批, 第一产业).
	mostMark      string
	notDegrees    []string
	singlingWords []string
	firstWords    []string
	firstAfter    string
	// divisionAsks ask which division (哪个区): only a sentence naming a
	// place but the documents' own can answer (the no-place veto).
	divisionAsks []string
	// venueAsks with a word of holding (heldVerbs: 办, 举行) ask where an
	// event was held (甲会在哪个会场举行): as for a division, only a
	// sentence naming a place or a venue can answer. 哪个馆的选手 holds nothing, and
	// 场馆举办了几场 asks no venue.
	venueAsks []string
	heldVerbs []string
	// venueTails end the name of a venue (甲体育中心, 乙美术馆), which no
	// gazetteer holds: a sentence naming one answers a venue asked.
	venueTails []string
	// resultComplements end a colloquial verb of two characters (建完,
	// 批给, 连上): the phrase is no thing the text must name. 出 is none
	// of them: 迁出 and 支出 are what yearbooks count.
	resultComplements string
	// levelNames hold a change word and name a level (增加值), whatever
	// date stands before them (unlike notChanges: 7月起降了).
	levelNames []string
	// topicMarks after a noun make it the topic its clause tells of
	// (甲企业中…的达3家): a count ending the clause counts it.
	topicMarks []string
}{
	events: []string{"开工|动工|开建|启动建设|开始建设", "通车", "开通", "竣工|完工|完成", "建成", "投用|投运", "投产",
		"运营", "开业", "启用", "验收", "通航", "转场", "签约|签署", "启动", "举办", "召开", "成立", "挂牌", "获批|批复|批准|批下来|正式批", "发布", "提交",
		"封顶", "贯通", "合龙", "交付", "试运营|试运行"},
	eventKin:          [][]string{{"竣工", "建成", "交付"}, {"开工", "启动"}},
	photo:             []string{"图", "照片", "相片", "拍摄", "摄影", "图片", "配图"},
	wholeArea:         []string{"全市", "本市", "市里", "全区", "全县"},
	wholeMarks:        []string{"全", "本", "我", "咱"},
	wholeAfter:        "里",
	currencies:        []string{"美元", "欧元", "日元", "港元", "英镑", "人民币", "元"},
	listNames:         []string{"榜", "强", "排行", "名单", "测评", "评选"},
	atWords:           []string{"在建", "在校", "在读", "在职", "在岗", "在线", "在途", "在营", "现在", "所在", "正在", "存在", "实在", "在于"},
	country:           "中国",
	scopeAfter:        "在",
	amountApprox:      []string{"多", "余"},
	divisionCounters:  "省市区县",
	divisionNotBefore: "场域级委长内外通",
	plainCounter:      "个",
	diffVerbs:         []string{"高于", "低于", "高出", "低出", "快于", "慢于", "多于", "少于", "超出", "多出"},
	diffMark:          "比",
	comparatives:      "高快多低慢少大小",
	notDiffMarks:      []string{"比重", "占比", "比例", "比率", "比较", "对比", "同比", "环比", "比赛", "比拼", "比武", "评比"},
	diffAsks:          []string{"多少", "几", "了多少", "出多少", "出几"},
	rankAt:            "在",
	ratePeriods:       [][]string{{"每日", "每天", "日均", "一天", "一日", "单日"}, {"每月", "一个月", "月均"}, {"每年", "一年", "年均", "全年"}},
	rateMasks:         []string{"一日游", "一年级", "一年一度"},
	perItemLeads:      []string{"每", "单"},
	measureFillers:    "有是共总计合具体大概约的都还现在目前一",
	perItemWords:      []string{"人均", "户均", "场均", "亩均"},
	perItemMasks:      []string{"单位", "单项", "清单", "名单", "保单", "订单", "账单", "菜单", "简单", "工单", "下单", "派单", "接单", "运单"},
	perItemThresholds: []string{"超过", "超", "逾"},
	perItemTotals:     []string{"共计", "合计", "总计"},
	shareAsks:         []string{"占", "几成", "的多少"},
	shareAskMasks:     []string{"占地"},
	placeJoiners:      []string{"与", "和", "、", "同", "及", "跟", "会同", "联合", "携手"},
	topicLeads:        []string{"其中", "今年以来", "全年", "年内", "同时", "此外", "另外", "在", " "},
	perItemAfterValue: []string{"以上"},
	counters: []string{"个", "家", "项", "人", "户", "名", "位", "座", "条", "台", "批", "部", "笔", "支", "栋",
		"间", "届", "辆", "艘", "件", "只", "张", "套", "处", "所", "场", "次", "期", "人次", "款", "种", "类", "块", "枚"},
	personCounters:      []string{"人", "名", "位"},
	eventCounters:       []string{"次", "人次", "场", "届", "期", "批", "轮", "趟", "回"},
	occurrenceCounters:  []string{"次", "起", "场", "回", "趟"},
	genericCounter:      "个",
	pieceCounter:        "块",
	perWord:             "每",
	buyingBefore:        []string{"花", "买", "卖", "价", "费", "票"},
	buyingAfter:         []string{"钱", "买", "卖"},
	spokenUnits:         map[string]string{"方": "立方米"},
	unitShortForms:      map[string][]string{"平方米": {"平方", "平米"}, "场次": {"场"}},
	volumeNouns:         []string{"水", "土", "石", "砂", "沙", "淤", "混凝土", "气"},
	periodWords:         map[string][]string{"日": {"每天", "每日", "日均", "一天"}, "天": {"每天", "日均", "一天"}, "月": {"每月", "月均"}, "年": {"每年", "年均"}, "年度": {"每年", "年均"}, "季": {"每季", "每季度"}, "季度": {"每季", "每季度"}, "周": {"每周"}, "小时": {"每小时"}},
	spendVerbs:          []string{"花了", "花费", "花得", "花多少", "投了", "投入", "投得", "投多少", "用了"},
	spendMeasures:       []string{"投资", "支出", "经费", "资金", "费用", "成本", "投入"},
	partyMarks:          "由与和有跟同",
	roughAfter:          []string{"左右", "上下", "以上", "以下"},
	orgCounters:         []string{"家", "所", "户"},
	peopleNouns:         []string{"观众", "游客", "听众", "访客", "参观者", "旅客", "观看人数", "观众人数", "游客人数", "参观人数"},
	groupPlaces:         []string{"区市", "区(市)", "区（市）", "市", "区", "县"},
	groupCounters:       "个大",
	groupKindEnds:       "的和与及等、",
	everyMember:         []string{"各", "每", "这", "那", "该", "其", "全", "所有"},
	groupNumerals:       "一二两三四五六七八九十百",
	ordinalMark:         "第",
	groupOthers:         "级域场属委一二两三四五六七八九十",
	countAsks:           []string{"多少", "几"},
	finalParticles:      "了呢啊呀吗嘛啦",
	followUpMark:        "呢",
	followUpLeads:       []string{"那么", "还有", "那"},
	followUpLeadStops:   "个些里边样种时会阵",
	chatTails:           "~～…",
	followUpFillers:     []string{"然后", "还有", "加起来", "其他", "其余", "别的", "剩下"},
	boundsAfter:         []string{"及以上", "以上"},
	boundOf:             "的",
	provinceScopeBefore: "在居占列全",
	provinceScopeAfter:  []string{"排", "内", "里"},
	frameBefore:         "在居占列",
	frameAfter:          []string{"排", "内排", "里排", "省排", "省内排"},
	sequenceUnits:       []string{"批", "期", "届"},
	tallyUnits:          []string{"届"},
	tallyTimes:          []string{"次", "回", "轮"},
	tallyVerbs:          []string{"入选", "上榜", "入围", "获评", "荣获", "获得", "蝉联", "当选", "被评为", "跻身", "登上", "举办", "承办"},
	nounJoiners:         []string{"以及", "和", "及", "与"},
	roughMarks:          []string{"余", "多"},
	wholeWords:          []string{"全部", "全市", "全省", "全国", "所有", "总"},
	rankMoves:           []string{"上升", "下降", "提升", "前进", "后退", "前移", "后移", "跃升", "升", "降"},
	rankMoveAsks:        []string{"几", "多少"},
	rankMoveUnits:       []string{"位次", "位", "名"},
	rankMoveTo:          []string{"至", "到"},
	rankFrom:            "由",
	notProvinceAfter:    "市路街道大师学区中工岸",
	manyLeads:           "很许更诸众较好最太么越",
	notThisYear:         "如至迄当",
	untilWords:          []string{"截至", "截止"},
	demonstratives:      "这那该此",
	pointedMeasures:     "个份项家条批次件种类位名所座处只部台套",
	measureEnds:         "量额数率值",
	backReferences:      []string{"它", "其中", "其他", "其余", "这些", "那些"},
	mostMark:            "最",
	notDegrees:          []string{"后", "近", "终", "初", "新", "早", "晚", "先"},
	singlingWords:       []string{"首位", "居首", "榜首", "之首", "之最", "冠军", "夺冠", "领跑", "头名", "拔得头筹", "独占鳌头", "高于其他", "前三", "前五", "前十", "前3", "前5", "前10"},
	firstWords:          []string{"第一", "第1"},
	firstAfter:          "位名",
	divisionAsks:        []string{"哪个区", "哪个县", "哪个镇", "哪个乡", "哪个街道", "哪些区", "哪几个区", "哪个区县", "哪个区市"},
	venueAsks:           []string{"哪个场馆", "哪家场馆", "哪个场地", "哪块场地", "哪个会场", "哪个馆", "哪家馆", "什么场馆", "什么场地"},
	heldVerbs:           []string{"办", "举行", "设在", "开幕"},
	venueTails:          []string{"馆", "中心", "场", "院", "宫", "厅", "园", "会堂", "大厦", "酒店", "宾馆", "基地"},
	resultComplements:   "完好掉给到上",
	levelNames:          []string{"增加值"},
	topicMarks:          []string{"中", "里", "当中"},
	whereAsks: []string{"在哪", "哪里", "哪儿", "什么地方", "哪个地方", "哪个区", "哪个县", "哪个市", "哪个镇", "哪个街道",
		"哪个城市", "哪座城市", "哪个省", "哪个国家", "哪些区", "哪几个区", "哪些城市", "哪些地方"},
	whereAfterNot: "级场际",
	whereCounts:   "一二两三四五六七八九十几0123456789个些座家所",
	placeHeads: []string{"国家", "城市", "省", "区", "县", "市", "镇", "乡", "村", "街道", "地方", "地区", "国", "园区", "港区",
		"广场", "公园", "体育场", "体育馆", "会展中心", "剧院", "场馆", "景区", "城区", "片区", "社区", "小区", "开发区",
		"高新区", "地点", "位置", "港口", "机场", "码头", "中心", "基地", "一带", "省份", "海域", "酒店"},
	notPlaceHeads:      []string{"市场", "区块链"},
	placeTails:         []string{"镇", "街道", "广场", "公园", "体育场", "体育馆", "会展中心", "剧院"},
	placeTailNotBefore: "城乡村集重每各个市镇",
	placeTailNotAfter:  "街域级",
	newly:              "新",
	notNewly:           "创更刷革翻重",
	ownWholeLevels:     "区县",
	comparedTo: []string{"于", "比", "占", "较", "超", "居", "列", "排", "排名", "在", "超过", "高出", "占到", "领跑", "领先",
		"为", "是", "达", "贡献"},
	measureNouns: []string{"岁", "成", "千瓦时", "千瓦", "架次", "倍", "度", "分钟", "小时", "周", "辆次", "人次", "百分点", "点",
		"百分比", "公斤", "千克", "毫米", "摄氏度", "微克", "标箱", "例", "起", "头", "斤", "克", "升", "兆瓦", "平米", "厘米",
		"棵", "单", "班", "款"},
	amountNotHeads:   []string{"相比", "比", "较", "到底", "左右", "去年", "今年", "上年", "同比", "跟", "和", "与", "大概", "大约"},
	amountNouns:      []string{"费", "税", "电", "水", "气", "钱", "债", "利"},
	dateEnds:         "年月日号",
	amountMagnitudes: []string{"万亿", "亿", "万", "千", "百", "十"},
	notChanges:       []string{"起降", "升降"},
	addingChanges:    []string{"增加"},
	addedNotBefore:   "值",
	baseMarks:        []string{"比", "较", "同期"},
	notBases:         []string{"比年初", "较年初", "比重", "比例", "比率", "较快", "较大", "较好", "较高", "较多", "较为"},
	breakdowns:       []string{"其中", "含", "包括"},
	breakdownOpeners: "，,、；;：:（(",
	thresholds:       []string{"超过", "多于", "不少于", "至少", "不低于", "达到", "高于", "大于", "满"},
	nameWords:        []string{"名称", "名字", "名单", "全称"},
	recaps:           []string{"以上", "上述"},
	allAre: []string{"均为", "均是", "均属", "均获", "均被", "都是", "都为", "都被", "全部为", "全部是", "全部属于", "全部被",
		"皆为", "属于"},
	negations:          "没不",
	notANotA:           []string{"动不动", "时不时", "理不理"},
	ordinalMeasures:    "届次批期轮回位名",
	countLeads:         []string{"有", "共", "其中", "共有", "达"},
	selectVerbs:        []string{"遴选", "评选", "评出", "选出", "选定", "认定", "确定", "命名"},
	namesAfter:         []string{"分别为", "分别是", "包括", "即为", "依次为", "为", "是"},
	countNounStops:     "叫是哪什啥谁有为呢吗的",
	countNounStopWords: []string{"都是", "都叫", "都有", "各是", "各自", "分别", "具体", "名单"},
	nounLink:           "的",
	verbsBeforeLink:    "评选定作称认列成视改分就即也都还",
	nameLeads:          []string{"有", "为", "是", "包括", "即"},
	namesAskWords:      []string{"哪", "谁", "什么", "啥"},
	nameAskLinks:       []string{"叫", "是", "都是", "都有", "都", "有", "分别是", "分别为", "分别", "各自", "各是", "的"},
	whoWord:            "谁",
	holderAsks:         []string{"是谁", "是哪位", "叫什么", "叫什么名字", "叫啥", "叫啥名字"},
	roleEnds:           []string{"长", "书记", "支书", "主任", "主席", "经理", "总监", "负责人", "代表", "委员", "者"},
	subAreaKinds:       []string{"镇", "乡", "街道", "村", "社区"},
	officeEnds:         []string{"长", "书记", "支书", "主任", "主席", "经理", "总监", "负责人"},
	surnames:           "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝鞠初矫修宿代俎逄衣于洪赖傅",
	appointVerbs:       []string{"担任", "兼任", "出任", "当选", "任", "为"},
	holderSeps:         []string{"为", "是", "由", "：", ":", "）", ")", "】"},
	officeKin:          map[string][]string{"支书": {"书记"}},
	wholeParts:         map[string][]string{"城乡": {"城市", "城镇", "农村", "乡村"}},
	wholeSplits:        []string{"其中"},
	whichRunes:         "哪个些几",
	sharedMarks:        []string{"统一", "一体化", "并轨"},
	moreOrLess:         "多少",
	thanMark:           "比",
	officeListMark:     "、",
	holderLeads:        []string{"由", "选举", "任命", "推选", "聘任", "同意"},
	nowMarks:           []string{"现"},
	honorifics:         []string{"同志", "先生", "女士"},
	holderSpaces:       " 　\t",
	asideOpens:         []string{"（", "("},
	asideCloses:        "）)",
	clauseMarks:        "，,；;。！!？?",
	dayAsks:            []string{"哪天", "哪一天", "那天", "哪日", "几月几日", "哪号"},
	dayNumber:          "几号",
	numberedThings:     "线楼馆文令桥厅车门口机站院台窗区泊码船",
	dayUnits:           []string{"日", "号"},
	monthUnit:          "月",
	monthParts:         []string{"底", "末", "初", "旬"},
	unitRefusals:       []string{"不是", "不要", "并非", "而非", "不算"},
	howMuch:            "多少",
	moneyEnds: []string{"资金", "基金", "奖金", "助金", "贴金", "保金", "老金", "济金", "租金", "押金", "证金", "偿金",
		"善款", "贷款", "存款", "欠款", "拨款", "捐款", "赔款", "罚款", "货款", "程款"},
	clockAsks:       []string{"几点钟", "几点"},
	clockUnits:      []string{"点钟", "点", "时"},
	dayParts:        []string{"早上", "早晨", "上午", "中午", "下午", "傍晚", "晚上", "夜里", "夜间", "凌晨", "每天", "每晚", "每日", "当天", "白天"},
	clockFollowers:  []string{"钟", "开", "关", "闭", "结束", "出发", "到", "起", "营业", "上班", "下班", "播", "演", "发车", "停"},
	decimalAsk:      "几",
	versionMeasures: []string{"版"},
	notAsks:         []string{"几乎"},
	magnitudes:      []string{"万", "亿", "千", "百"},
	contrasts: [][]string{
		{"国家级", "省级", "市级", "区级|区市级|区(市)级|区（市）级", "县级"},
		{"一期|首期", "二期", "三期", "四期"},
		{"进出口", "出口", "进口"},
		{"央企|中央企业", "省属", "市属", "区属"},
		{"城镇职工", "城乡居民"},
	},
	yearWords:     []string{"去年", "今年", "全年", "当年", "一年", "本年", "年内", "年度"},
	newMark:       "新",
	yearBaseLeads: []string{"比", "较", "相比", "同"},
	changeBases: [][]string{{"上半年"}, {"下半年"}, {"上一季度", "上季度"}, {"上个月", "上月"},
		{"上年末", "上年底", "去年底", "去年末"}, {"年初"}, {"上一年", "上年", "去年", "同期"}},
	sameBases:     [][2]string{{"上年末", "年初"}, {"上年末", "上一年"}},
	sameYearBase:  "同比",
	notBaseBefore: "占比对",
	yearBaseJoins: []string{"与", "跟", "和"},
	yearBaseAfter: []string{"相比", "比"},
	newKinds: []string{"新型", "新兴", "新区", "新城", "新村", "新能源", "新材料", "新基建", "新一代", "新一轮", "新动能", "新经济", "新业态",
		"新模式", "新旧", "新冠", "新闻", "新华", "新高", "新低", "新纪录", "新时代", "新技术", "新产品", "新品", "新版", "新春",
		"新年", "新老", "新生代", "新农合", "新农村", "新媒体", "新市民"},
	doneMark:        "了",
	haveDone:        "有了",
	flowWords:       []string{"新增", "新建", "新开", "新批", "新认定", "新引进", "新落户", "新设", "新获批", "新培育", "新入选", "新上", "新备案", "新签", "新获评", "新登记", "新注册"},
	nameTails:       []string{"榜单", "名单", "名录", "工程", "行动", "计划", "活动", "项目"},
	stockWords:      []string{"累计", "总数", "总量", "共有", "现有", "实有", "保有", "总计", "存量"},
	notStockAfter:   map[string]string{"实有": "落核切证确如夯扎充属真务现", "现有": "发体实出呈展再表"},
	stockAsks:       []string{"总数", "总量", "总共", "一共", "共有", "累计", "现有", "现在有", "目前有", "总计", "保有", "存量"},
	totalMark:       "总",
	notTotalAfter:   "体结书经部工指监督理",
	notTotalBefore:  "汇",
	levelLink:       "达",
	grantedAfter:    []string{"获颁", "获评", "获批", "通过认定", "通过验收", "被认定", "被评为"},
	asOfWords:       []string{"截至", "截止", "目前", "至今", "年来", "已有", "现有"},
	asOfDates:       []string{"截至", "截止"},
	areaFillers:     []string{"范围内", "范围", "各地"},
	countObjectsNot: []string{"总数", "数量", "总量", "数", "达", "为", "共", "累计"},
	countLists:      []string{"榜单", "排行榜", "名单里", "名单中", "名单上", "榜里", "榜上"},
	pointsCues:      []string{"比", "高出", "高于", "快", "慢", "低于", "增长", "增速", "提高", "下降", "降了", "涨", "升了"},
	vagueRanks:      []string{"前列", "前茅"},
	growthWords:     []string{"增长", "增速", "增幅", "增量", "涨幅"},
	rankVerbs:       []string{"位居", "位列", "居于", "排名", "排在", "居", "列", "排"},
	measureKinds: []measureKind{{words: []string{"收入", "营收"}, unit: UnitMoney}, {words: []string{"利润", "净利"}, unit: UnitMoney},
		{words: []string{"利税"}, unit: UnitMoney}, {words: []string{"税收"}, unit: UnitMoney}, {words: []string{"产值"}, unit: UnitMoney},
		{words: []string{"增加值"}, unit: UnitMoney}, {words: []string{"规模"}, wide: true}, {words: []string{"人数"}, unit: "人", headcount: true},
		{words: []string{"投资"}, unit: UnitMoney}, {words: []string{"面积"}, unit: UnitArea}, {words: []string{"里程", "长度", "总长", "全长"}, unit: UnitLength},
		{words: []string{"产量"}, goods: true, said: []string{"产了", "产", "收了", "打了"}}, {words: []string{"吞吐量"}, goods: true}, {words: []string{"资产"}, unit: UnitMoney},
		{words: []string{"数量", "个数", "总数"}, counted: true}, {words: []string{"测评", "评估", "评比", "评价"}, rating: true}},
	plainVerbs:   []string{"共计", "累计", "合计", "总计", "完成", "实现", "达到", "惠及", "涉及", "共", "达"},
	measureMasks: []string{"规模以上", "固定资产"},
	percentMasks: []string{"率先"},
	figureNouns: sortByLen([]string{"排名", "名次", "位次", "增速", "增幅", "涨幅", "规模", "总额", "金额", "数量", "人数", "总数", "个数", "数",
		"总量", "收入", "营收", "产值", "增加值", "投资", "投资额", "固投", "占比", "比重", "比例", "面积", "里程", "产量", "吞吐量", "利润", "税收"}),
	figureJoiners:     []string{"以及", "和", "与", "跟", "及"},
	exceptLeads:       []string{"除了", "除"},
	bareExceptLead:    "除",
	bareExceptEnd:     "外",
	notExceptBefore:   "扣剔排删免",
	exceptEnds:        []string{"以外", "之外", "外", "还", "也", "另", "哪", "什么", "几", "多少", "谁"},
	listCloser:        "等",
	exceptSeparators:  "、，,和与及 ",
	firmTails:         []string{"股份有限公司", "有限责任公司", "有限公司", "公司", "集团", "商贸", "科技", "实业", "控股"},
	minAbbreviation:   3,
	yesNoTails:        []string{"没呢", "没"},
	notYesNoTails:     []string{"淹没", "沉没", "出没", "埋没", "吞没", "覆没", "湮没", "隐没", "泯没"},
	shareInTenths:     "几成",
	levelSuffix:       "级",
	grassrootsLevels:  "村镇乡",
	progressVerbs:     []string{"完成", "完工"},
	figureModifiers:   []string{"同比", "环比", "全年", "年均", "实际", "上年", "同期", "平均", "累计", "当年", "去年", "今年", "前年", "相比", "比较"},
	locusMarkers:      sortByLen([]string{"那一章", "这一章", "那一节", "这一节", "那章", "这章", "一章", "那节", "这节", "一节", "章节", "那一篇", "这一篇", "那篇", "这篇"}),
	looseLocusMarkers: sortByLen([]string{"那一部分", "这一部分", "那部分", "这部分", "那边", "这边", "里面", "里"}),
	partMarkers:       []string{"那一部分", "这一部分", "那部分", "这部分"},
	sectionTitles:     []string{"综述", "总述"},
	localFollowers:    "说讲写提给的各分又是有都还",
	sayings:           []string{"说", "写", "讲到", "讲了", "讲的", "提到", "提及", "提了"},
	liWords:           "公海英千万这那哪",
	locusFillers:      "说讲写提给的各分又是有都还具体精确准确数字那这一章节部分里面呢啊吗么",
	linkers:           "的了和与及或等达为是有在至到共计约近超逾余把被将由从向对比较其中并且也都已",
}

// Setting is what the selector knows of the documents it answers from:
// the words naming their place (which every paragraph is about, so they
// tell nothing apart) and the year they cover (which 去年 means).
type Setting struct {
	// PlaceWords name the scoped place: 青岛, 青岛市, 岛城 for a city's
	// yearbook. A question naming them asks about the whole place.
	PlaceWords []string
	// Areas name the places under it (districts, counties).
	Areas []string
	// Year is the covered year, 0 when unknown.
	Year int
	// IsPlace reports whether a word names a place: an administrative
	// division or a place of the documents' metadata. The segmenter's
	// place tag alone is too loose (涉海, 新建, 城市 carry it); nil falls
	// back to it.
	IsPlace func(word string) bool
	// PlacesIn lists the administrative divisions a text names (no
	// country), nil when none are known.
	PlacesIn func(text string) []string
	// Encloses reports whether a place word names the province holding
	// the documents' own place, nil when unknown: named as a frame
	// (Term.Frame) it is what 全省 says, which the scope features
	// compare. A city holding a district's documents has no such word.
	Encloses func(word string) bool
}

// ownPlace reports whether a place term names the documents' own place or
// something of it (青岛, 青岛港), not a place under it (青岛西海岸新区) or
// another one.
func (s Setting) ownPlace(t Term) bool {
	if slices.Contains(s.PlaceWords, t.Text) {
		return true
	}
	return !isArea(t, s.Areas) && slices.ContainsFunc(s.PlaceWords, func(w string) bool { return strings.HasPrefix(t.Text, w) })
}

// isPlace reports whether a word the segmenter tagged pos names a place.
func (s Setting) isPlace(word, pos string) bool {
	if s.IsPlace == nil {
		return pos == "ns"
	}
	return s.IsPlace(word)
}

// relativeYears are the words for a year counted back from the one a
// yearbook covers: a user of the 2021 edition (covering 2020) says 去年,
// and 今年 is the edition's own year, one the yearbook does not cover
// (its plans and targets, not the figures it reports). They are in the
// order a question is read for them, the first found being the year
// asked: 去年 comes first, as 去年比前年… asks the later year, whose
// edition tells the change.
var relativeYears = []struct {
	word string
	back int
}{{"去年", 0}, {"上一年", 0}, {"前年", 1}, {"今年", -1}}

// RelativeYearOf is how many years before the covered one the relative
// year word w points (去年 0, 前年 1, 今年 -1); ok is false when w is none.
func RelativeYearOf(w string) (back int, ok bool) {
	for _, y := range relativeYears {
		if y.word == w {
			return y.back, true
		}
	}
	return 0, false
}

// RelativeYear is RelativeYearOf the first relative year word a question
// writes; ok is false when it writes none.
func RelativeYear(text string) (back int, ok bool) {
	for _, y := range relativeYears {
		if asksYear(text, y.word) {
			return y.back, true
		}
	}
	return 0, false
}

// asksYear reports whether text asks of the year word w: writes it as a
// word (namesYear), and not only as the base a change is measured from
// (onlyBase).
func asksYear(text, w string) bool {
	return namesYear(text, w) && !onlyBase(text, w)
}

// namesYear reports whether text writes the year word w as a word, not
// inside another (如今年轻, 至今年: lexicon.notThisYear before it; 截至今年
// is this year).
func namesYear(text, w string) bool {
	for i := strings.Index(text, w); i >= 0; i = indexFrom(text, w, i+len(w)) {
		r, _ := utf8.DecodeLastRuneInString(text[:i])
		if !strings.ContainsRune(lexicon.notThisYear, r) || hasSuffixAny(text[:i], lexicon.untilWords) != "" {
			return true
		}
	}
	return false
}

// OwnWholeWords are the words by which the documents call the whole of
// their own place: a mark of lexicon.wholeMarks (全, 本) and the level its
// name ends in (甲市 → 全市, 本市), and the level with 里 (市里); none when
// no place word ends in a level (lexicon.divisionCounters).
func (s Setting) OwnWholeWords() []string {
	for _, w := range s.PlaceWords {
		level := lastRune(w)
		if !strings.ContainsRune(lexicon.divisionCounters, level) {
			continue
		}
		out := make([]string, 0, len(lexicon.wholeMarks)+1)
		for _, m := range lexicon.wholeMarks {
			out = append(out, m+string(level))
		}
		return append(out, string(level)+lexicon.wholeAfter)
	}
	return nil
}

// wholeArea lists the words asking about the whole of the documents'
// place: the general ones (全市) and each place word with 全, 整个 or
// a trailing 全市 (全岛城, 整个青岛, 青岛全市).
func (s Setting) wholeArea() []string {
	out := make([]string, len(lexicon.wholeArea), len(lexicon.wholeArea)+3*len(s.PlaceWords))
	copy(out, lexicon.wholeArea)
	// The place words' forms are cut from one string: the selector asks
	// for them on every question.
	size := 0
	for _, w := range s.PlaceWords {
		size += len("全整个全市") + 3*len(w)
	}
	var b strings.Builder
	b.Grow(size)
	for _, w := range s.PlaceWords {
		for _, part := range [...]string{"全", w, "整个", w, w, "全市"} {
			b.WriteString(part)
		}
	}
	all := b.String()
	for _, w := range s.PlaceWords {
		for _, n := range [3]int{len("全") + len(w), len("整个") + len(w), len(w) + len("全市")} {
			out = append(out, all[:n])
			all = all[n:]
		}
	}
	return out
}

var yearRe = regexp.MustCompile(`(?:19|20)[0-9]{2}年`)

// yearsIn lists the years written in text other than the covered one:
// the covered year is what every paragraph speaks of, so it tells nothing.
func (s Setting) yearsIn(text string) []string {
	return s.notCovered(yearRe.FindAllString(text, -1))
}

// notCovered drops the covered year from years.
func (s Setting) notCovered(years []string) []string {
	var out []string
	for _, y := range years {
		if !s.isCovered(y) {
			out = append(out, y)
		}
	}
	return out
}

// askedYears are the years a question names other than the covered one,
// the relative ones (前年) counted back from it.
func (s Setting) askedYears(text string) []string {
	out := s.yearsIn(text)
	if s.Year == 0 {
		return out
	}
	for _, y := range relativeYears {
		if y.back != 0 && asksYear(text, y.word) {
			out = append(out, strconv.Itoa(s.Year-y.back)+"年")
		}
	}
	return out
}

// onlyBase reports whether every w in text is the base of a change: the
// year a change is measured from (比前年, 较前年, 与前年相比), which the
// covered year's growth states, not a year asked. The lead is no
// comparison inside another word (占比, 比较, 对比).
func onlyBase(text, w string) bool {
	if w == "" {
		return false
	}
	for i := strings.Index(text, w); i >= 0; i = indexFrom(text, w, i+len(w)) {
		if !yearBaseAt(text[:i], text[i+len(w):]) {
			return false
		}
	}
	return true
}

// yearBaseAt reports whether a year written between before and after is a
// change's base: right after a lead (比前年), or between a joining word
// and a word comparing (与前年相比).
func yearBaseAt(before, after string) bool {
	if lead := hasSuffixAny(before, lexicon.yearBaseLeads); lead != "" {
		r, _ := utf8.DecodeLastRuneInString(before[:len(before)-len(lead)])
		return !strings.ContainsRune(lexicon.notBaseBefore, r)
	}
	return hasSuffixAny(before, lexicon.yearBaseJoins) != "" && hasPrefixAny(after, lexicon.yearBaseAfter) != ""
}

// changeBase is the period text measures a change from (比上半年 →
// 上半年, its group's first word in lexicon.changeBases), "" when it names
// none.
func changeBase(text string) string {
	if strings.Contains(text, lexicon.sameYearBase) {
		return yearBeforeBase()
	}
	for _, group := range lexicon.changeBases {
		for _, w := range group {
			for i := strings.Index(text, w); i >= 0; i = indexFrom(text, w, i+len(w)) {
				if yearBaseAt(text[:i], text[i+len(w):]) {
					return group[0]
				}
			}
		}
	}
	return ""
}

// yearBeforeBase is changeBase's name for the year before (比上年, 同比):
// the first word of lexicon.changeBases' last group.
func yearBeforeBase() string {
	return lexicon.changeBases[len(lexicon.changeBases)-1][0]
}

// sameBase reports whether bases a and b, changeBase's, name one point in
// time (lexicon.sameBases).
func sameBase(a, b string) bool {
	return a == b || slices.Contains(lexicon.sameBases, [2]string{a, b}) || slices.Contains(lexicon.sameBases, [2]string{b, a})
}

var photoRe = regexp.MustCompile(`图\s*([0-9]+)`)

// photoNumber is the photo a text names (图13 → "图13"), "" when none.
func photoNumber(text string) string {
	// Canon: 图十九 is 图19.
	m := photoRe.FindStringSubmatch(Canon(text))
	if m == nil {
		return ""
	}
	return "图" + m[1]
}

func (s Setting) isCovered(y string) bool {
	return s.Year > 0 && (y == strconv.Itoa(s.Year)+"年" || y == strconv.Itoa(s.Year))
}

// measureKind is one measure of a thing (measureKinds). A wide measure
// (规模) may be given by most others, except a headcount or a rating where
// a rank is asked (人数居首位 ranks no scale). unit is the unit the measure
// is told in: a figure in it whose words name no other measure (水面3平方
// 千米 for 面积) may give it; a counted measure (数量) is given by a count
// in any counter (30家). A rating ranks no count or scale: a place first
// in a network test is not first in the count of its stations.
type measureKind struct {
	words     []string
	wide      bool
	headcount bool
	rating    bool
	counted   bool
	// goods: the measure is told in any unit of goods (吨, 千瓦时, 万辆),
	// never in money, a share or people (MeasuresTold).
	goods bool
	unit  string
	// said are the verbs speech tells the measure with (产了, 收了 of 产量):
	// MeasuresTold takes them as it takes the words.
	said []string
}
