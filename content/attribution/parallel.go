package attribution

import (
	"sync/atomic"

	"copydesk/content/text"
)

// chunk is a run of paragraphs prepared in order by one goroutine, so only
// its first paragraph has to guess whether it opens inside a quotation.
type chunk struct {
	from, to int // paragraphs [from, to)
	preps    []prep
	mem      chunkMemory
}

// prepare prepares the chunk's paragraphs in order.
func (c *chunk) prepare(paras []string) {
	if n := c.to - c.from; len(c.preps) < n {
		c.preps = append(c.preps, make([]prep, n-len(c.preps))...)
	}
	c.mem.reset()
	open := false
	for i := c.from; i < c.to; i++ {
		p := &c.preps[i-c.from]
		c.mem.lend(p)
		p.read(i+1, paras[i], open)
		c.mem.keep(p)
		open = p.openAfter
	}
}

// chunkMemory is the memory of a chunk's paragraphs, one array of each kind
// shared by them all: the paragraphs of a chunk need about as much as those
// of the chunk before, so once the first chunks have grown it, preparing
// allocates little.
type chunkMemory struct {
	toks                                   slab[text.Token]
	sents                                  slab[[2]int]
	quots                                  slab[quotation]
	inQuote                                slab[bool]
	frames                                 slab[frame]
	fsent, tokSent, sentFr, frameAt, fwdAt slab[int]
}

func (m *chunkMemory) reset() {
	m.toks.reset()
	m.sents.reset()
	m.quots.reset()
	m.inQuote.reset()
	m.frames.reset()
	m.fsent.reset()
	m.tokSent.reset()
	m.sentFr.reset()
	m.frameAt.reset()
	m.fwdAt.reset()
}

// lend gives p the free part of each array to append its own to.
func (m *chunkMemory) lend(p *prep) {
	p.toks, p.sents, p.quots, p.inQuote, p.frames = m.toks.free(), m.sents.free(), m.quots.free(), m.inQuote.free(), m.frames.free()
	p.fsent, p.tokSent, p.sentFr, p.frameAt, p.fwdAt = m.fsent.free(), m.tokSent.free(), m.sentFr.free(), m.frameAt.free(), m.fwdAt.free()
}

// keep takes what p appended out of the free parts.
func (m *chunkMemory) keep(p *prep) {
	m.toks.used(p.toks)
	m.sents.used(p.sents)
	m.quots.used(p.quots)
	m.inQuote.used(p.inQuote)
	m.frames.used(p.frames)
	m.fsent.used(p.fsent)
	m.tokSent.used(p.tokSent)
	m.sentFr.used(p.sentFr)
	m.frameAt.used(p.frameAt)
	m.fwdAt.used(p.fwdAt)
}

// slab is an array that the paragraphs of a chunk append to in turn.
type slab[T any] struct {
	buf        []T
	next, need int
}

// reset makes the whole array free again, grown to what the last chunk
// needed.
func (s *slab[T]) reset() {
	if s.need > cap(s.buf) {
		s.buf = make([]T, 0, s.need+s.need/4)
	}
	s.next, s.need = 0, 0
}

// free is the unused rest of the array, empty, to append to.
func (s *slab[T]) free() []T {
	return s.buf[s.next:s.next:cap(s.buf)]
}

// used records that a paragraph appended b to the free part: when it fit,
// it stays there and the free part begins after it.
func (s *slab[T]) used(b []T) {
	s.need += len(b)
	if s.next+len(b) <= cap(s.buf) && len(b) > 0 && &s.buf[:s.next+1][s.next] == &b[0] {
		s.next += len(b)
	}
}

// readParallel is the pass over the paragraphs with their preparation
// shared: the workers prepare chunks ahead of the pass, which reads them in
// order and, while the next is not ready, prepares a later one itself. At
// most a few chunks are ahead of the pass, their memory reused. A chunk's
// first paragraph is prepared as if no quotation were left open before it;
// where one was, the pass prepares that paragraph again, so the result is
// the sequential one.
func (an *analyzer) readParallel(paras []string, workers, chunkSize int) {
	var bounds [][2]int
	for from := 0; from < len(paras); {
		to, n := from, 0
		for to < len(paras) && (to == from || n < chunkSize && to-from < 256) {
			n += len(paras[to])
			to++
		}
		bounds = append(bounds, [2]int{from, to})
		from = to
	}
	ahead := 2*workers + 2
	ring := make([]chunk, ahead)
	ready := make([]chan struct{}, len(bounds))
	for i := range ready {
		ready[i] = make(chan struct{})
	}
	// A slot is taken to begin a chunk and given back when the pass has
	// read one; chunks are begun in order, so chunk j begins only once
	// chunk j-ahead, which had its place in the ring, has been read.
	slots := make(chan struct{}, ahead)
	var next atomic.Int64
	begin := func(wait bool) bool {
		if wait {
			slots <- struct{}{}
		} else {
			select {
			case slots <- struct{}{}:
			default:
				return false
			}
		}
		j := int(next.Add(1)) - 1
		if j >= len(bounds) {
			<-slots
			return false
		}
		c := &ring[j%ahead]
		c.from, c.to = bounds[j][0], bounds[j][1]
		c.prepare(paras)
		close(ready[j])
		return true
	}
	for range workers {
		go func() {
			for begin(true) {
			}
		}()
	}
	for j := range bounds {
	wait:
		for {
			select {
			case <-ready[j]:
				break wait
			default:
				if !begin(false) {
					<-ready[j]
					break wait
				}
			}
		}
		c := &ring[j%ahead]
		for i := range c.to - c.from {
			p := &c.preps[i]
			if p.openBefore != an.openBefore {
				an.own.read(p.n, p.text, an.openBefore)
				p = &an.own
			}
			an.paragraph(p)
		}
		an.prep = nil
		<-slots
	}
}
