package ui

import (
	"runtime"
	"sync"
	"weak"

	"github.com/muesli/termenv"

	"copydesk/content"
)

// sharedBy keeps one V made from each K (an article, an analysis) for as
// long as something holds that V: the readers of one article, a server's
// sessions, share what is made from it instead of making it each, and
// what no reader holds any more is let go with its entry.
type sharedBy[K, V any] struct {
	mu sync.Mutex
	m  map[weak.Pointer[K]]*sharedEntry[V]
}

type sharedEntry[V any] struct {
	sync.Mutex
	v weak.Pointer[V]
}

// get returns the V of k, made by make when there is none: the callers
// for one k wait for one making, not one each.
func (s *sharedBy[K, V]) get(k *K, make func() *V) *V {
	key := weak.Make(k)
	s.mu.Lock()
	if s.m == nil {
		s.m = map[weak.Pointer[K]]*sharedEntry[V]{}
	}
	e := s.m[key]
	if e == nil {
		e = &sharedEntry[V]{}
		s.m[key] = e
	}
	s.mu.Unlock()
	e.Lock()
	defer e.Unlock()
	if v := e.v.Value(); v != nil {
		return v
	}
	v := make()
	e.v = weak.Make(v)
	runtime.AddCleanup(v, s.forget, key)
	return v
}

// forget drops the entry of key once its V is gone (and no new one is
// being made).
func (s *sharedBy[K, V]) forget(key weak.Pointer[K]) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if e := s.m[key]; e != nil && e.TryLock() {
		if e.v.Value() == nil {
			delete(s.m, key)
		}
		e.Unlock()
	}
}

// layoutCache is an article's blocks as laid out, shared by its readers:
// the sessions of a server at one width and in one colour profile lay
// each block out once, not once each (Glamour's layout was a third of a
// session's start).
type layoutCache struct {
	mu sync.Mutex
	m  map[layoutKey][]layoutLine
}

type layoutKey struct {
	block, width int
	profile      termenv.Profile
	dark         bool
}

// maxSharedLayouts bounds a cache's memory (a few KB a block).
const maxSharedLayouts = 8192

var articleLayouts sharedBy[content.Article, layoutCache]

// block is layoutBlock(l, art, bl) for block b, from the cache when a
// reader laid it out with the same settings; never empty.
func (c *layoutCache) block(l *layouter, art *content.Article, b int, bl block) []layoutLine {
	k := layoutKey{b, l.width, l.profile, l.dark}
	c.mu.Lock()
	ll, ok := c.m[k]
	c.mu.Unlock()
	if ok {
		return ll
	}
	if ll = layoutBlock(l, art, bl); len(ll) == 0 {
		ll = []layoutLine{{}}
	}
	c.mu.Lock()
	if len(c.m) >= maxSharedLayouts {
		clear(c.m)
	}
	c.m[k] = ll
	c.mu.Unlock()
	return ll
}
