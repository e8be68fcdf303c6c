package content

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Edition is an article as it was read at one time, with its analysis.
type Edition struct {
	Article  *Article
	Analysis *Analysis
}

// Watcher follows an article's file: when the file changes on disk,
// written in place or replaced by a rename (as editors save), it is read
// and analysed again, and the readers following it get the new edition.
type Watcher struct {
	path      string
	maxSize   int64
	published time.Time // the date each edition is published on, when given (--date)
	fsw       *fsnotify.Watcher
	onError   func(error)

	mu        sync.Mutex
	cur       Edition
	data      []byte // the bytes cur was read from
	followers map[chan Edition]struct{}
	done      chan struct{}
}

// settle is how long a file must stay unchanged before it is read again:
// editors and copies write a file in several steps.
const settle = 150 * time.Millisecond

// Watch reads and analyses the article at path and follows its file.
// published, unless zero, is the article's publication date over what its
// metadata says. onError hears of a change that could not be read (the
// edition before it stays); it may be nil.
func Watch(path string, maxSize int64, published time.Time, onError func(error)) (*Watcher, error) {
	w := &Watcher{path: path, maxSize: maxSize, published: published, onError: onError, followers: map[chan Edition]struct{}{}, done: make(chan struct{})}
	if w.onError == nil {
		w.onError = func(error) {}
	}
	if _, err := w.read(); err != nil {
		return nil, err
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	// The folder, not the file: a rename over the file replaces what a
	// watch on the file itself would follow.
	if err := fsw.Add(filepath.Dir(path)); err != nil {
		fsw.Close()
		return nil, err
	}
	w.fsw = fsw
	go w.loop()
	return w, nil
}

// read reads the file again and makes a new edition if its bytes changed.
func (w *Watcher) read() (changed bool, err error) {
	data, err := ReadFile(w.path, w.maxSize)
	if err != nil {
		return false, err
	}
	w.mu.Lock()
	same := w.data != nil && bytes.Equal(data, w.data)
	w.mu.Unlock()
	if same {
		return false, nil
	}
	art, err := Parse(filepath.Base(w.path), data)
	if err != nil {
		return false, fmt.Errorf("%s: %w", w.path, err)
	}
	if !w.published.IsZero() {
		art.Published = w.published
	}
	// The first edition is left to be analysed by whoever shows it (the
	// reader shows the text first, Analyzed does it for a server), so
	// opening a long article does not wait for its analysis; a new one is
	// analysed here, once, for every follower.
	ed := Edition{Article: art}
	w.mu.Lock()
	first := w.data == nil
	w.mu.Unlock()
	if !first {
		ed.Analysis = Analyze(art)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.cur, w.data = ed, data
	for ch := range w.followers {
		// Only the newest edition matters to a follower that has not
		// taken the one before.
		select {
		case <-ch:
		default:
		}
		ch <- ed
	}
	return true, nil
}

func (w *Watcher) loop() {
	name := filepath.Clean(w.path)
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			if filepath.Clean(ev.Name) == name && ev.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
				timer.Reset(settle)
			}
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			w.onError(err)
		case <-timer.C:
			if _, err := w.read(); err != nil {
				w.onError(err)
			}
		case <-w.done:
			timer.Stop()
			return
		}
	}
}

// Analyzed is the newest edition, analysed: the first edition is analysed
// here, once, where Current leaves its Analysis nil.
func (w *Watcher) Analyzed() Edition {
	w.mu.Lock()
	ed := w.cur
	w.mu.Unlock()
	if ed.Analysis != nil {
		return ed
	}
	ed.Analysis = Analyze(ed.Article)
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.cur.Article == ed.Article && w.cur.Analysis == nil {
		w.cur.Analysis = ed.Analysis
	}
	return w.cur
}

// Current is the newest edition; the first edition's Analysis is nil
// until Analyzed is called.
func (w *Watcher) Current() Edition {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.cur
}

// Follow delivers each new edition from now on; a follower slow to take
// them gets the newest only. stop ends the following.
func (w *Watcher) Follow() (editions <-chan Edition, stop func()) {
	ch := make(chan Edition, 1)
	w.mu.Lock()
	w.followers[ch] = struct{}{}
	w.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			w.mu.Lock()
			delete(w.followers, ch)
			w.mu.Unlock()
		})
	}
}

// Close stops watching the file.
func (w *Watcher) Close() error {
	close(w.done)
	return w.fsw.Close()
}
