// Package figures finds the checkable figures of a text: the counts, dates,
// durations, percentages, sums of money, ranks and measures a fact-checker
// would verify, each with its span and a value a program can compare. It
// reads one text at a time, knows nothing of articles, speakers or
// quotes, and needs only the sanitiser's escape-sequence reader and the
// character tests of package text.
package figures
