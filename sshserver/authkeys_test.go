package sshserver

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"
)

func writeAuthorizedKeys(t *testing.T, keys ...gossh.Signer) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("# readers\n\n")
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestAuthorizedKeysFile(t *testing.T) {
	a, b, c := newSigner(t), newSigner(t), newSigner(t)
	path := writeAuthorizedKeys(t, a)
	logs := &syncBuffer{}
	keys, err := loadAuthorizedKeys(path, log.New(logs))
	if err != nil {
		t.Fatal(err)
	}
	if !keys.allows(a.PublicKey()) || keys.allows(b.PublicKey()) {
		t.Fatal("first read: wrong keys")
	}
	// edits apply without a restart; a line with options lets nothing in
	withOpts := `from="10.0.0.1" ` + string(gossh.MarshalAuthorizedKey(c.PublicKey()))
	if err := os.WriteFile(path, append(append(gossh.MarshalAuthorizedKey(b.PublicKey()), withOpts...), "not a key\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Minute)
	_ = os.Chtimes(path, future, future)
	if keys.allows(a.PublicKey()) || !keys.allows(b.PublicKey()) || keys.allows(c.PublicKey()) {
		t.Error("after the edit: wrong keys")
	}
	if !strings.Contains(logs.String(), "options are not supported") || !strings.Contains(logs.String(), "line skipped") {
		t.Errorf("skipped lines not logged:\n%s", logs.String())
	}
	// an unreadable file lets no one in
	os.Remove(path)
	if keys.allows(b.PublicKey()) {
		t.Error("a removed file still lets keys in")
	}
	if _, err := loadAuthorizedKeys(filepath.Join(t.TempDir(), "missing"), log.New(logs)); err == nil {
		t.Error("a missing file at start is not an error")
	}
}
