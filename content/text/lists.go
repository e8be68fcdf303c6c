package text

// FunctionWords never begin or continue a name even when capitalised at the
// start of a sentence. The tokeniser marks them (Token.Function), and the
// rules that find names and phrases stop at them.
var FunctionWords = NewWordSet(`the a an and but or nor so yet for of in on at by to from with without about as into onto upon
over under after before during since until while when where why how what which who whom whose that this these those
there here then than if though although because unless whether not no yes also just only even still however
meanwhile moreover furthermore instead thus therefore hence indeed perhaps maybe once now today tonight yesterday
tomorrow it its he she they we i you his her their our my your him them us me is are was were be been being
has have had do does did will would could should can may might must shall all some any each every both either
neither many much more most few several such other another same own very too quite rather asked according
speaking earlier later last next first second third despite amid among between against toward towards within
like unlike including although whereas ago via per`)

// abbreviations keep their period: a period after them does not end a
// sentence unless the next word clearly starts one.
var abbreviations = NewWordSet("mr mrs ms dr sen rep gov gen lt col sgt capt cpt st jr sr inc corp co ltd vs etc jan feb mar apr aug sep sept oct nov dec no nos prof rev adm maj cmdr cdr pres ft mt dept univ approx est al e.g i.e a.m p.m u.s u.k u.n d.c r l d i.e ph.d del det amb hon msgr fr cpl pvt brig supt atty insp")

// TitleAbbrevs never end a sentence: a name always follows them. The
// speaker rules use them too, to tell a title from a name.
var TitleAbbrevs = NewWordSet("mr mrs ms dr sen rep gov gen lt col sgt capt cpt prof rev adm maj cmdr cdr pres st det amb hon msgr cpl pvt brig supt atty insp")

// sentenceStarters are words that, after an abbreviation such as "U.S.",
// show that the period also ended the sentence.
var sentenceStarters = NewWordSet("the a an he she it they we i but and in on at this that these those there his her their its our if when while as after before so yet for however meanwhile still")
