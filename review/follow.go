package review

import (
	"context"
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
		last      int64  // the Seq of the last mark read
		pending   []Mark // read, not yet delivered
		due       bool   // a batch of pending marks is due, even empty (the first; after an error)
		failure   error  // why the store cannot be read now
		errDue    bool   // failure is yet to be delivered
		errSent   bool   // an error batch went out and nothing has since
		fetch     = true
		pollEvery = f.s.be.poll()
	)
	var timer *time.Timer
	var tick <-chan time.Time
	arm := func(d time.Duration) {
		if timer == nil {
			timer = time.NewTimer(d)
		} else {
			timer.Reset(d)
		}
		tick = timer.C
	}
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	first := true
	for {
		if fetch {
			fetch = false
			marks, err := f.s.since(ctx, f.article, last)
			if err != nil {
				err = f.s.be.explain(err)
			} else {
				err = f.s.liveErr()
			}
			if len(marks) > 0 {
				pending = append(pending, marks...)
				last = marks[len(marks)-1].Seq
				due = true
			}
			switch {
			case ctx.Err() != nil:
				return
			case err != nil:
				failure = err
				errDue = !errSent
			default:
				if first || errSent {
					due = true // the first batch, or: readable again
				}
				first = false
				failure, errDue, errSent = nil, false, false
			}
			switch {
			case failure != nil:
				arm(retryEvery)
			case pollEvery > 0:
				arm(pollEvery)
			default:
				tick = nil
			}
		}
		var out chan Batch
		var b Batch
		switch {
		case due:
			out, b = f.c, Batch{Marks: pending}
		case errDue:
			out, b = f.c, Batch{Err: failure}
		}
		select {
		case out <- b:
			if due {
				pending, due = nil, false
			} else {
				errDue, errSent = false, true
			}
		case <-f.wake:
			fetch = true
		case <-tick:
			fetch = true
		case <-ctx.Done():
			return
		}
	}
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

// wake tells article's feeds to look for new marks; it never blocks.
func (h *hub) wake(article string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for f := range h.feeds[article] {
		f.poke()
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
