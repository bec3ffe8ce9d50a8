package webhook

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
)

// A Sealer protects signing keys at rest (decisions/0026). The sender
// needs each key to sign, so a key cannot be kept as a hash like a token's
// secret: it is sealed with AES-256-GCM under the gateway's webhook key
// (EDIGW_WEBHOOK_KEY, 32 bytes in base64), which lives with the
// configuration, not in the database: a copy of the database alone does
// not let anyone sign. Without a webhook key (a nil Sealer or one with no
// key) keys are stored as they are, and marked so.
type Sealer struct {
	aead cipher.AEAD
}

// NewSealer makes a sealer from a base64 key of 32 bytes; "" gives a
// sealer that stores keys as they are.
func NewSealer(b64 string) (*Sealer, error) {
	if b64 == "" {
		return &Sealer{}, nil
	}
	key, err := base64.StdEncoding.DecodeString(b64)
	if err != nil || len(key) != 32 {
		return nil, errors.New("webhook: the webhook key must be 32 bytes in standard base64 (openssl rand -base64 32)")
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Sealer{aead: aead}, nil
}

// Seals reports whether keys are sealed.
func (s *Sealer) Seals() bool { return s != nil && s.aead != nil }

// Seal returns the stored form of a signing key and whether it is sealed.
func (s *Sealer) Seal(key []byte) ([]byte, bool, error) {
	if !s.Seals() {
		return key, false, nil
	}
	nonce := make([]byte, s.aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, false, err
	}
	return s.aead.Seal(nonce, nonce, key, nil), true, nil
}

// Open returns the signing key of a stored one.
func (s *Sealer) Open(stored []byte, sealed bool) ([]byte, error) {
	if !sealed {
		return stored, nil
	}
	if !s.Seals() {
		return nil, errors.New("webhook: the signing key is sealed and no webhook key is configured (EDIGW_WEBHOOK_KEY)")
	}
	n := s.aead.NonceSize()
	if len(stored) < n {
		return nil, errors.New("webhook: a sealed signing key is cut short")
	}
	key, err := s.aead.Open(nil, stored[:n], stored[n:], nil)
	if err != nil {
		return nil, fmt.Errorf("webhook: the signing key does not open with the configured webhook key: %w", err)
	}
	return key, nil
}
