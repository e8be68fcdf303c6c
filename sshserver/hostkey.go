package sshserver

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	gossh "golang.org/x/crypto/ssh"
)

// DefaultHostKeyPath is where the host key is kept when none is named:
// $XDG_DATA_HOME/copydesk/host_ed25519, or ~/.local/share/copydesk/host_ed25519.
// It follows the XDG base directory spec: the key is data the server keeps,
// not configuration the user writes.
func DefaultHostKeyPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "copydesk", "host_ed25519"), nil
}

// LoadHostKey reads the host key at path, creating an ed25519 key there
// (mode 0600, its directory 0700) first if there is none, so clients see
// the same host key on every start. created says it was made now.
func LoadHostKey(path string) (signer gossh.Signer, created bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data, created, err = createHostKey(path)
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	signer, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, created, nil
}

func createHostKey(path string) ([]byte, bool, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "copydesk host key")
	if err != nil {
		return nil, false, err
	}
	data := pem.EncodeToMemory(block)
	// Written aside and linked into place: link fails when the name exists,
	// so when two servers start at once the second reads the first one's
	// complete key instead of replacing it or reading half of it.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".host_key-*")
	if err != nil {
		return nil, false, err
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file 0600.
	if _, err = tmp.Write(data); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, false, err
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		data, err = os.ReadFile(path)
		return data, false, err
	} else if err != nil {
		return nil, false, err
	}
	return data, true, nil
}
