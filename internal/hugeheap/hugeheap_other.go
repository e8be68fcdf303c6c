//go:build !linux

package hugeheap

// Reserve does nothing outside Linux, and reports false.
func Reserve(n int) bool { return false }

// Offered reports false outside Linux.
func Offered() bool { return false }
