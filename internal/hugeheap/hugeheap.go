// Package hugeheap asks Linux to back the next stretch of the Go heap with
// transparent huge pages, for a run that allocates fast and is short.
//
// On the virtual machines copydesk is measured on, the first touch of a
// fresh 4 KB page costs about 10 µs: `copydesk analyze` of a 3.9 MB article
// touched about 8,000 fresh heap pages, a third of its run. A 2 MB page
// costs about as much to fault as 30 small ones (64 MB touched: 200 ms on
// 4 KB pages, 13 ms on 2 MB pages). Since Go 1.21.1 the runtime leaves huge
// pages to the system, and most distributions have the system give them
// only to memory that asks (THP "madvise"), so a Go heap never gets them;
// the runtime maps each stretch of heap as it grows, with nothing between
// the mapping and its use, so the only way to ask is to have the heap grow
// by a known range and advise that range.
package hugeheap
