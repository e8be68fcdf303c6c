//go:build race

package ui

// raceDetector is set under -race, where sync.Pool drops what it is given
// at random, so allocation counts say nothing.
const raceDetector = true
