// Package text holds what both analysers of an article need of its text:
// tokens with their byte offsets, sentences, word lists looked up once per
// token, the character tests and lower-casing they agree on, and the
// sanitiser that makes any text safe for a terminal. It imports nothing of
// the packages that use it, so the figure recogniser and the attribution
// share these without depending on each other.
package text
