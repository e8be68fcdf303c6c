package sshserver

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"sync"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// authorizedKeys is an authorized_keys file, read again when it changes so
// keys can be added or revoked without a restart.
type authorizedKeys struct {
	path string
	log  *log.Logger

	mu   sync.Mutex
	stat os.FileInfo
	keys map[string]string // by wire encoding: the line's comment
	err  error
}

func loadAuthorizedKeys(path string, logger *log.Logger) (*authorizedKeys, error) {
	a := &authorizedKeys{path: path, log: logger}
	a.refresh()
	if a.err != nil {
		return nil, fmt.Errorf("authorized keys: %w", a.err)
	}
	if len(a.keys) == 0 {
		logger.Warn("the authorized keys file has no usable key: no one can log in", "path", path)
	}
	return a, nil
}

func (a *authorizedKeys) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.keys)
}

func (a *authorizedKeys) allows(key ssh.PublicKey) bool {
	a.refresh()
	a.mu.Lock()
	defer a.mu.Unlock()
	// An unreadable file lets no one in rather than everyone.
	_, ok := a.keys[string(key.Marshal())]
	return a.err == nil && ok
}

// comment is the comment of key's line ("alice@desk"), "" when it has none
// or is not in the file.
func (a *authorizedKeys) comment(key ssh.PublicKey) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.keys[string(key.Marshal())]
}

func (a *authorizedKeys) refresh() {
	st, err := os.Stat(a.path)
	a.mu.Lock()
	defer a.mu.Unlock()
	if err == nil && a.stat != nil && a.err == nil && st.ModTime().Equal(a.stat.ModTime()) && st.Size() == a.stat.Size() {
		return
	}
	var data []byte
	if err == nil {
		data, err = os.ReadFile(a.path)
	}
	if err != nil {
		if a.err == nil {
			a.log.Error("authorized keys unreadable: refusing every key", "path", a.path, "err", err)
		}
		a.err = err
		return
	}
	keys := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, comment, opts, _, err := gossh.ParseAuthorizedKey(line)
		switch {
		case err != nil:
			a.log.Warn("authorized keys: line skipped", "path", a.path, "line", n, "err", err)
		case len(opts) > 0:
			// from=, command=, restrict… would narrow what the key
			// may do; honouring none of them, the line lets nothing in.
			a.log.Warn("authorized keys: line with options skipped (options are not supported)", "path", a.path, "line", n)
		default:
			keys[string(key.Marshal())] = comment
		}
	}
	if a.stat != nil {
		a.log.Info("authorized keys reloaded", "path", a.path, "keys", len(keys))
	}
	a.stat, a.keys, a.err = st, keys, nil
}
