package api

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/spool"
)

// getFile sends the raw EDI of a file in the ledger: an inbound file, an
// outbound 837 or 278, or an acknowledgment. Files hold PHI, so a token
// gets one only when every record in it (or, for an acknowledgment, every
// record it answers) belongs to its providers, and it holds the
// entitlement of each kind of record. Other files answer 404, as if absent.
func (s *Server) getFile(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	f, err := s.Store.File(r.Context(), id)
	if !s.found(w, r, err, "file") {
		return
	}
	if d, err := s.fileDenial(r.Context(), tok, id); err != nil {
		s.internal(w, r, err)
		return
	} else if d != nil {
		writeError(w, d.status, d.code, d.message)
		return
	}
	body, err := s.openFile(r, f)
	if errors.Is(err, edigw.ErrObjectNotFound) {
		writeError(w, http.StatusGone, "gone", "the file is no longer in the object store")
		return
	}
	if errors.Is(err, edigw.ErrDigestMismatch) {
		s.digestMismatch(w, r, f, err)
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	defer body.Close()
	w.Header().Set("Content-Type", "application/edi-x12")
	w.Header().Set("Content-Disposition", `attachment; filename="`+safeName(path.Base(f.Key))+`"`)
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	if _, err := io.Copy(w, body); err != nil {
		// Too late for an error status: the client sees a short body.
		s.Log.Warn("file download cut short", zap.Int64("file", f.ID), zap.Error(err))
	}
}

// denial is why a token may not have a file.
type denial struct {
	status        int
	code, message string
}

// fileDenial says why a token may not have a file, or nil when it may:
// 404 when a record in the file (or that it answers) is not of the
// token's providers, as if there were no such file; 403 when the token
// lacks the entitlement of a kind of record in it.
func (s *Server) fileDenial(ctx context.Context, tok *edigw.Token, id int64) (*denial, error) {
	aud, err := s.Store.FileAudience(ctx, id)
	if errors.Is(err, edigw.ErrNotFound) {
		return &denial{http.StatusNotFound, "not_found", "no such file"}, nil
	}
	if err != nil {
		return nil, err
	}
	inScope, lacking, err := MayReadFile(ctx, s.Store, tok, aud)
	if err != nil {
		return nil, err
	}
	if !inScope {
		return &denial{http.StatusNotFound, "not_found", "no such file"}, nil
	}
	if lacking != "" {
		return &denial{http.StatusForbidden, "missing_entitlement",
			"the file holds " + lacking + " records: this token lacks the " + string(subjectEntitlement[lacking]) + " entitlement"}, nil
	}
	return nil, nil
}

// fileView describes a file in a listing.
type fileView struct {
	ID        int64            `json:"id,string"`
	Name      string           `json:"name"`
	Kind      string           `json:"kind"` // the set IDs it carries: 837, 835, 278, 999, 277 ...
	Direction edigw.Direction  `json:"direction"`
	Status    edigw.FileStatus `json:"status"`
	CreatedAt time.Time        `json:"createdAt"`
	Href      string           `json:"href"`
}

// listClaimFiles lists the files about a claim the token may download:
// the 837 that carried it, the acknowledgments answering it, the 835s
// paying it.
func (s *Server) listClaimFiles(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	c, ok := s.pathClaim(w, r, tok)
	if !ok {
		return
	}
	id := c.ID
	files, err := s.Store.ClaimFiles(r.Context(), id)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out := struct {
		Items []fileView `json:"items"`
	}{Items: []fileView{}}
	for _, f := range files {
		d, err := s.fileDenial(r.Context(), tok, f.ID)
		if err != nil {
			s.internal(w, r, err)
			return
		}
		if d == nil {
			out.Items = append(out.Items, fileView{ID: f.ID, Name: path.Base(f.Key), Kind: f.Kind, Direction: f.Direction,
				Status: f.Status, CreatedAt: f.CreatedAt, Href: "/v1/files/" + strconv.FormatInt(f.ID, 10)})
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// subjectEntitlement is the entitlement each kind of record needs.
var subjectEntitlement = map[string]edigw.Entitlement{
	"claim": edigw.EntitleClaims, "authorization": edigw.EntitlePrecertification, "remittance": edigw.EntitleRemittances,
	"eligibility": edigw.EntitleEligibility,
}

// openFile opens a file where it rests now (its resting key; an inbound
// file not yet finished is still in inbound/), checked against the digest
// the ledger recorded before a byte is served: the bytes are read into a
// spool (memory, then an unlinked temporary file) while hashed, and served
// from there. Another object under the key (replaced, damaged, another
// file under an inbound name) is edigw.ErrDigestMismatch, never served.
func (s *Server) openFile(r *http.Request, f *edigw.File) (io.ReadCloser, error) {
	return OpenFile(r.Context(), s.Objects, f)
}

// digestMismatchError names the key whose bytes were not the file's.
type digestMismatchError struct{ key string }

func (e *digestMismatchError) Error() string {
	return "api: " + e.key + " does not have the digest the ledger recorded"
}
func (e *digestMismatchError) Unwrap() error { return edigw.ErrDigestMismatch }

// verified reads an object whole into a spool, hashing it, and returns the
// spool when its digest is want. A file without a recorded digest (an
// outbound file written before digests were kept) is served as it is.
func verified(rc io.ReadCloser, key, want string) (io.ReadCloser, error) {
	defer rc.Close()
	buf := &spool.Buffer{}
	h := sha256.New()
	if _, err := io.Copy(io.MultiWriter(buf, h), rc); err != nil {
		buf.Close()
		return nil, err
	}
	if want != "" && hex.EncodeToString(h.Sum(nil)) != want {
		buf.Close()
		return nil, &digestMismatchError{key: key}
	}
	return spooled{Reader: buf.Reader(), buf: buf}, nil
}

type spooled struct {
	io.Reader
	buf *spool.Buffer
}

func (s spooled) Close() error { return s.buf.Close() }

// digestMismatch answers 500 and tells operators (an event without any
// provider, and the log): the bytes under the file's key are not the
// file's, so none are served.
func (s *Server) digestMismatch(w http.ResponseWriter, r *http.Request, f *edigw.File, err error) {
	at := *f
	var dm *digestMismatchError
	if errors.As(err, &dm) {
		at.RestingKey = dm.key
	}
	s.Log.Error("file download refused: the stored object does not match the ledger's digest",
		zap.Int64("file", f.ID), zap.String("key", at.RestingKey))
	if err := s.Store.FileEvent(context.WithoutCancel(r.Context()), edigw.EventFileDigestMismatch, &at, "digest_mismatch"); err != nil {
		s.Log.Error("file event", zap.Int64("file", f.ID), zap.Error(err))
	}
	writeError(w, http.StatusInternalServerError, "digest_mismatch", "the stored file does not match its recorded digest; operators were told")
}

// restingKeys are where a file may be, most likely first: an inbound
// file at the resting key the ledger recorded with its outcome, or still
// in inbound/ while its outcome is being finished. Files entered before
// resting keys were recorded rest under their partner's archive/ (or
// error/) by name.
func restingKeys(f *edigw.File) []string {
	if f.Direction != edigw.Inbound {
		return []string{f.Key}
	}
	if f.RestingKey != "" {
		if f.CompletedAt.IsZero() {
			return []string{f.RestingKey, f.Key}
		}
		return []string{f.RestingKey}
	}
	i := strings.LastIndex("/"+f.Key, "/inbound/")
	if i < 0 {
		return []string{f.Key}
	}
	root := f.Key[:i] // the partner's prefix without its slash ("" at the top)
	dir := "archive"
	if f.Status == edigw.FileRejected || f.Status == edigw.FileDuplicate {
		dir = "error"
	}
	return []string{path.Join(root, dir, path.Base(f.Key)), f.Key}
}

// safeName keeps a download's file name to plain characters.
func safeName(name string) string {
	return strings.Map(func(c rune) rune {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("._-", c) {
			return c
		}
		return '_'
	}, name)
}
