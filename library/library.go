// Package library is a folder of articles kept read and analysed: the list
// is there at once, every article is analysed in the background (as many
// at a time as the machine has cores), and files added, changed, renamed
// or removed show up without a restart.
package library

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"copydesk/content"
)

// Item is one article of the folder as the list shows it.
type Item struct {
	Name      string // the file's name in the folder
	Path      string // the file's absolute path, the article's name in the review store
	Title     string // the article's headline, "" until read or when it has none
	Byline    string
	Published time.Time // from the article's metadata; zero when unknown
	Modified  time.Time // the file's modification time
	Ready     bool      // an edition has been read and analysed
	Err       error     // why the file's newest version cannot be read, when it cannot
	Quotes    int       // statements: quoted words inside a reported clause count with it
	Speakers  int
	Figures   int
	Version   int // counts the versions read; a change of the file makes a new one
}

// Library follows the articles of one folder.
type Library struct {
	dir     string
	maxSize int64
	fsw     *fsnotify.Watcher

	mu       sync.Mutex
	entries  map[string]*entry // by file name
	queue    []string          // names waiting to be read, first first
	queued   map[string]bool
	wake     *sync.Cond
	watchers map[chan struct{}]struct{}
	closed   bool
	done     chan struct{}
	wg       sync.WaitGroup
}

type entry struct {
	item      Item
	ed        content.Edition // the newest edition; Article nil until read
	data      []byte          // the bytes ed was read from
	followers map[chan content.Edition]struct{}
}

// settle is how long a file must stay unchanged before it is read:
// editors and copies write a file in several steps.
const settle = 150 * time.Millisecond

// Articles reports whether name is a file the library lists: text,
// Markdown and HTML by their extensions, never hidden or editors' backup
// files.
func Articles(name string) bool {
	if strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || strings.HasPrefix(name, "#") {
		return false
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml":
		return true
	}
	return false
}

// Open lists the articles of dir and starts reading them in the
// background; maxSize bounds each article as it does a single one.
func Open(dir string, maxSize int64) (*Library, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	st, err := os.Stat(abs)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s: not a folder", dir)
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	// Watch before listing, so a file written meanwhile is not missed.
	if err := fsw.Add(abs); err != nil {
		fsw.Close()
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	l := &Library{dir: abs, maxSize: maxSize, fsw: fsw, entries: map[string]*entry{},
		queued: map[string]bool{}, watchers: map[chan struct{}]struct{}{}, done: make(chan struct{})}
	l.wake = sync.NewCond(&l.mu)
	des, err := os.ReadDir(abs)
	if err != nil {
		fsw.Close()
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	for _, de := range des {
		if de.Type().IsRegular() || de.Type()&os.ModeSymlink != 0 {
			l.found(de.Name())
		}
	}
	for range max(runtime.NumCPU(), 1) {
		l.wg.Add(1)
		go l.worker()
	}
	l.wg.Add(1)
	go l.watch()
	return l, nil
}

// Dir is the folder's absolute path.
func (l *Library) Dir() string { return l.dir }

// found adds or refreshes the entry of a file seen in the folder and
// queues it to be read. It reports whether the list changed.
func (l *Library) found(name string) bool {
	if !Articles(name) {
		return false
	}
	st, err := os.Stat(filepath.Join(l.dir, name))
	if err != nil || !st.Mode().IsRegular() {
		return l.gone(name)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[name]
	if !ok {
		e = &entry{item: Item{Name: name, Path: filepath.Join(l.dir, name)}}
		l.entries[name] = e
	}
	e.item.Modified = st.ModTime()
	l.enqueue(name, false)
	return !ok
}

// gone drops the entry of a file no longer in the folder.
func (l *Library) gone(name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[name]
	if !ok {
		return false
	}
	delete(l.entries, name)
	for ch := range e.followers {
		close(ch)
	}
	return true
}

// enqueue asks for name to be read; first puts it before the others.
// l.mu is held.
func (l *Library) enqueue(name string, first bool) {
	if l.queued[name] {
		if !first {
			return
		}
		l.queue = slices.DeleteFunc(l.queue, func(n string) bool { return n == name })
	}
	l.queued[name] = true
	if first {
		l.queue = slices.Insert(l.queue, 0, name)
	} else {
		l.queue = append(l.queue, name)
	}
	l.wake.Signal()
}

// Hurry reads the named article before the others waiting: a reader has
// asked for it.
func (l *Library) Hurry(name string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.entries[name]; ok && !e.item.Ready && e.item.Err == nil && l.queued[name] {
		l.enqueue(name, true)
	}
}

func (l *Library) worker() {
	defer l.wg.Done()
	for {
		l.mu.Lock()
		for len(l.queue) == 0 && !l.closed {
			l.wake.Wait()
		}
		if l.closed {
			l.mu.Unlock()
			return
		}
		name := l.queue[0]
		l.queue = l.queue[1:]
		delete(l.queued, name)
		l.mu.Unlock()
		l.read(name)
	}
}

// read reads and analyses one article and publishes the new edition when
// its bytes changed.
func (l *Library) read(name string) {
	path := filepath.Join(l.dir, name)
	data, err := content.ReadFile(path, l.maxSize)
	var ed content.Edition
	if err == nil {
		l.mu.Lock()
		e, ok := l.entries[name]
		same := ok && e.data != nil && bytes.Equal(e.data, data)
		l.mu.Unlock()
		if same {
			return
		}
		var art *content.Article
		if art, err = content.Parse(name, data); err == nil {
			ed = content.Edition{Article: art, Analysis: content.Analyze(art)}
		}
	}
	l.mu.Lock()
	e, ok := l.entries[name]
	if !ok { // removed while it was read
		l.mu.Unlock()
		return
	}
	it := &e.item
	it.Version++
	if err != nil {
		if errors.Is(err, os.ErrNotExist) { // removed or renamed away meanwhile
			l.mu.Unlock()
			l.gone(name)
			l.changed()
			return
		}
		// The edition before, if any, stays readable; the list says why
		// the new one is not.
		it.Err = err
	} else {
		a, an := ed.Article, ed.Analysis
		it.Err, it.Ready = nil, true
		it.Title, it.Byline, it.Published = a.Title, a.Byline, a.Published
		it.Quotes, it.Speakers, it.Figures = 0, len(an.Speakers), len(an.Figures)
		for _, q := range an.Quotes {
			if q.Within < 0 {
				it.Quotes++ // a statement, as the reader's panel counts them
			}
		}
		e.ed, e.data = ed, data
		for ch := range e.followers {
			select { // a follower that has not taken the last edition wants only the newest
			case <-ch:
			default:
			}
			ch <- ed
		}
	}
	l.mu.Unlock()
	l.changed()
}

// watch follows the folder's events, each file's settled before it is
// read again.
func (l *Library) watch() {
	defer l.wg.Done()
	timers := map[string]*time.Timer{}
	settled := make(chan string, 64)
	for {
		select {
		case ev, ok := <-l.fsw.Events:
			if !ok {
				return
			}
			name := filepath.Base(ev.Name)
			if filepath.Dir(ev.Name) != l.dir || !Articles(name) {
				continue
			}
			if t, ok := timers[name]; ok {
				t.Reset(settle)
				continue
			}
			timers[name] = time.AfterFunc(settle, func() {
				select {
				case settled <- name:
				case <-l.done:
				}
			})
		case name := <-settled:
			delete(timers, name)
			if l.found(name) || l.stale(name) {
				l.changed()
			}
		case _, ok := <-l.fsw.Errors:
			if !ok {
				return
			}
		case <-l.done:
			for _, t := range timers {
				t.Stop()
			}
			return
		}
	}
}

// stale reports whether name is no longer listed (found dropped it).
func (l *Library) stale(name string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	_, ok := l.entries[name]
	return !ok
}

// changed tells the watchers that the list changed.
func (l *Library) changed() {
	l.mu.Lock()
	defer l.mu.Unlock()
	for ch := range l.watchers {
		select {
		case ch <- struct{}{}:
		default: // one signal waiting says it all
		}
	}
}

// Items is the list now, by file name.
func (l *Library) Items() []Item {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := make([]Item, 0, len(l.entries))
	for _, e := range l.entries {
		out = append(out, e.item)
	}
	slices.SortFunc(out, func(a, b Item) int { return strings.Compare(a.Name, b.Name) })
	return out
}

// Changes signals each change of the list (several at once may come as
// one); stop ends the signals.
func (l *Library) Changes() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	l.mu.Lock()
	l.watchers[ch] = struct{}{}
	l.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			l.mu.Lock()
			delete(l.watchers, ch)
			l.mu.Unlock()
		})
	}
}

// Edition is the named article's newest edition, if it has been read.
func (l *Library) Edition(name string) (content.Edition, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.entries[name]
	if !ok || e.ed.Article == nil {
		return content.Edition{}, false
	}
	return e.ed, true
}

// Follow delivers each new edition of the named article from now on; a
// follower slow to take them gets the newest only. The channel is closed
// when the file leaves the folder.
func (l *Library) Follow(name string) (<-chan content.Edition, func()) {
	ch := make(chan content.Edition, 1)
	l.mu.Lock()
	e, ok := l.entries[name]
	if !ok {
		l.mu.Unlock()
		close(ch)
		return ch, func() {}
	}
	if e.followers == nil {
		e.followers = map[chan content.Edition]struct{}{}
	}
	e.followers[ch] = struct{}{}
	l.mu.Unlock()
	var once sync.Once
	return ch, func() {
		once.Do(func() {
			l.mu.Lock()
			delete(e.followers, ch)
			l.mu.Unlock()
		})
	}
}

// Progress is how many articles are read (analysed or refused) of all.
func (l *Library) Progress() (done, total int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, e := range l.entries {
		if e.item.Ready || e.item.Err != nil {
			done++
		}
	}
	return done, len(l.entries)
}

// Close stops following the folder and reading its files.
func (l *Library) Close() error {
	l.mu.Lock()
	if l.closed {
		l.mu.Unlock()
		return nil
	}
	l.closed = true
	l.wake.Broadcast()
	l.mu.Unlock()
	close(l.done)
	err := l.fsw.Close()
	l.wg.Wait()
	return err
}
