package sshserver

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

func TestHostKey(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	path, err := DefaultHostKeyPath()
	if err != nil || path != filepath.Join(data, "copydesk", "host_ed25519") {
		t.Fatalf("default path %q, %v", path, err)
	}
	s1, created, err := LoadHostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created=%v err=%v", created, err)
	}
	if s1.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("key type %s", s1.PublicKey().Type())
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
	s2, created, err := LoadHostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created=%v err=%v", created, err)
	}
	if !bytes.Equal(s1.PublicKey().Marshal(), s2.PublicKey().Marshal()) {
		t.Error("a new host key on the second start")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left behind in the key's directory: %v", entries)
	}

	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/reader")
	if p, _ := DefaultHostKeyPath(); p != "/home/reader/.local/share/copydesk/host_ed25519" {
		t.Errorf("without XDG_DATA_HOME: %s", p)
	}
}
