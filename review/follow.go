package review

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// Batch is what a Feed delivers: marks of its article, in Seq order,
// following those of the batches before; or, with Err set, word that the
// store cannot be read now.
type Batch struct {
	Marks []Mark
	Err   error
}

// Feed is an article's log delivered live; see Store.Follow.
type Feed struct {
	// C delivers the batches. It is closed by Close and by the Store's
	// Close.
	C <-chan Batch

	c       chan Batch
	s       *Store
	article string
	wake    chan struct{} // buffered 1: a wake-up pending, however many were sent
	done    chan struct{}
	exited  chan struct{}
	once    sync.Once

	mu     sync.Mutex
	lost   error  // set by the listener when it loses its connection
	pushed []Mark // committed in this process, handed over by Add
}

// Follow delivers article's log live: first every mark so far (one batch,
// empty when there is none), then each new batch of marks committed by
// anyone (this process, or another process on the same PostgreSQL) in Seq
// order, never a mark twice, none lost. A batch with Err set says the store
// cannot be read now, or cannot tell this Feed of new marks (PostgreSQL's
// notifications are cut); the marks before it stand. When it can again,
// the next batch holds the marks missed meanwhile, and comes even when
// there were none, with no marks, to say so.
//
// A Feed that is read slowly holds up nobody: its next batch holds all the
// marks since its last. Within a process, an Add wakes its article's
// followers at once. From other processes, a follower hears of marks
// through PostgreSQL's LISTEN/NOTIFY; on SQLite, other processes writing
// the same file are not heard of at once, but a follower looks for their
// marks once a second (see sqlitePoll).
//
// Call Close when done with the Feed.
func (s *Store) Follow(article string) *Feed {
	c := make(chan Batch)
	f := &Feed{C: c, c: c, s: s, article: article,
		wake: make(chan struct{}, 1), done: make(chan struct{}), exited: make(chan struct{})}
	if !s.hub.add(f) { // the store is closed
		close(c)
		close(f.exited)
		return f
	}
	s.listenOnce.Do(func() { s.be.follow(s) })
	go f.run()
	return f
}

// Close stops the feed and closes C; a batch not yet read is dropped.
func (f *Feed) Close() {
	f.once.Do(func() {
		close(f.done)
		f.s.hub.remove(f)
	})
	<-f.exited
}

// retryEvery is how often a feed that could not read the store tries again
// when nothing wakes it sooner.
var retryEvery = time.Second

func (f *Feed) run() {
	defer close(f.exited)
	defer close(f.c)
	ctx, cancel := context.WithCancel(f.s.ctx)
	defer cancel()
	go func() {
		select {
		case <-f.done:
			cancel()
		case <-ctx.Done():
		}
	}()

	var (
		last      int64   // the Seq of the last mark read
		q         []Batch // read, not yet delivered, oldest first
		first     = true  // the first batch is yet to be queued
		failing   bool    // an error batch is queued or sent, and no batch since
		fetch     = true
		pollEvery = f.s.be.poll()
	)
	// queueMarks adds marks to the last batch queued when it holds marks
	// (a slow reader gets everything since its last in one batch), else
	// queues a batch of them: even empty when force is set.
	queueMarks := func(ms []Mark, force bool) {
		if n := len(q); n > 0 && q[n-1].Err == nil {
			q[n-1].Marks = append(q[n-1].Marks, ms...)
		} else if len(ms) > 0 || force {
			q = append(q, Batch{Marks: ms})
		}
	}
	// queueErr queues an error batch, once for a failure however long it
	// lasts: the last error replaces one not yet delivered.
	queueErr := func(err error) {
		if n := len(q); n > 0 && q[n-1].Err != nil {
			q[n-1].Err = err
		} else if !failing {
			q = append(q, Batch{Err: err})
		}
		failing = true
	}
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	var tick <-chan time.Time
	for {
		if fetch {
			fetch = false
			if lost := f.takeLost(); lost != nil {
				queueErr(lost) // notifications were cut: say so, even if reading works again by now
			}
			err := f.s.be.check()
			var marks []Mark
			if err == nil {
				marks, err = f.s.since(ctx, f.article, last)
			}
			if ctx.Err() != nil {
				return
			}
			if err != nil {
				err = f.s.be.explain(err)
			}
			if len(marks) > 0 {
				queueMarks(marks, false)
				last = marks[len(marks)-1].Seq
			}
			if err == nil {
				err = f.s.liveErr()
			}
			switch {
			case err != nil:
				queueErr(err)
			case first || failing:
				queueMarks(nil, true) // the first batch, or: readable again
				first, failing = false, false
			}
			tick = nil
			switch {
			case failing:
				timer.Reset(retryEvery)
				tick = timer.C
			case pollEvery > 0:
				timer.Reset(pollEvery)
				tick = timer.C
			}
		}
		var out chan Batch
		var b Batch
		if len(q) > 0 {
			out, b = f.c, q[0]
		}
		select {
		case out <- b:
			q = q[1:]
		case <-f.wake:
			// Marks this process committed come with the wake-up: when
			// they follow on from the last one read, no query is needed.
			// Twenty readers of an article would otherwise read each
			// mark twenty times.
			var ok bool
			if last, ok = f.takePushed(last, queueMarks); !ok || failing || first {
				fetch = true
			}
		case <-tick:
			fetch = true
		case <-ctx.Done():
			return
		}
	}
}

// lose tells the feed that it may have missed notifications: the
// listener lost its connection.
func (f *Feed) lose(err error) {
	f.mu.Lock()
	f.lost = err
	f.mu.Unlock()
	f.poke()
}

// offer hands the feed a mark this process has just committed.
func (f *Feed) offer(m Mark) {
	f.mu.Lock()
	f.pushed = append(f.pushed, m)
	f.mu.Unlock()
	f.poke()
}

// takePushed queues the marks handed over since the last wake-up that
// follow on from last, and returns the new last; ok is false when there is
// a gap (a mark committed elsewhere, or not handed over yet): the store
// must be read.
func (f *Feed) takePushed(last int64, queue func([]Mark, bool)) (int64, bool) {
	f.mu.Lock()
	ms := f.pushed
	f.pushed = nil
	f.mu.Unlock()
	if len(ms) == 0 {
		return last, false // woken by a notification: read the store
	}
	slices.SortFunc(ms, func(a, b Mark) int { return cmp.Compare(a.Seq, b.Seq) })
	var next []Mark
	for _, m := range ms {
		switch {
		case m.Seq <= last:
			// read already
		case m.Seq == last+1:
			next = append(next, m)
			last = m.Seq
		default:
			queue(next, false)
			return last, false
		}
	}
	queue(next, false)
	return last, true
}

func (f *Feed) takeLost() error {
	f.mu.Lock()
	defer f.mu.Unlock()
	err := f.lost
	f.lost = nil
	return err
}

// hub knows the feeds of each article, to wake them.
type hub struct {
	mu     sync.Mutex
	closed bool
	feeds  map[string]map[*Feed]struct{}
}

func (h *hub) add(f *Feed) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	set := h.feeds[f.article]
	if set == nil {
		set = map[*Feed]struct{}{}
		h.feeds[f.article] = set
	}
	set[f] = struct{}{}
	return true
}

func (h *hub) remove(f *Feed) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.feeds[f.article], f)
	if len(h.feeds[f.article]) == 0 {
		delete(h.feeds, f.article)
	}
}

// all closes the hub to new feeds and returns those it has.
func (h *hub) all() []*Feed {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	var fs []*Feed
	for _, set := range h.feeds {
		for f := range set {
			fs = append(fs, f)
		}
	}
	return fs
}

// push hands a mark this process committed to article's feeds; it never
// blocks.
func (h *hub) push(article string, m Mark) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for f := range h.feeds[article] {
		f.offer(m)
	}
}

// wake tells article's feeds to look for new marks; it never blocks.
func (h *hub) wake(article string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for f := range h.feeds[article] {
		f.poke()
	}
}

// fail tells every feed that notifications were cut, for err.
func (h *hub) fail(err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, set := range h.feeds {
		for f := range set {
			f.lose(err)
		}
	}
}

// wakeAll wakes every feed.
func (h *hub) wakeAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, set := range h.feeds {
		for f := range set {
			f.poke()
		}
	}
}

func (f *Feed) poke() {
	select {
	case f.wake <- struct{}{}:
	default: // one is pending already
	}
}

// liveState is what the PostgreSQL listener tells the feeds: nil while it
// listens, else why it cannot.
type liveState struct{ err atomic.Pointer[error] }

func (l *liveState) set(err error) {
	if err == nil {
		l.err.Store(nil)
	} else {
		l.err.Store(&err)
	}
}

func (s *Store) liveErr() error {
	if p := s.live.err.Load(); p != nil {
		return *p
	}
	return nil
}
