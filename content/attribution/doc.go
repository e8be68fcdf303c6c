// Package attribution finds who said what in an article: the words in
// quotation marks and the reported speech ("Kerry said that …"), the
// reporting verb and the words that name the speaker, and the speakers
// themselves, each with the names, titles and pronouns that refer to it
// merged into one. It works with word lists and hand-written rules over the
// tokens of package text, a sentence at a time, in one pass over the
// paragraphs; it knows nothing of figures or of how an article is read.
package attribution
