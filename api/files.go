package api

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw"
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
	if !covers(tok.Scope, aud.Providers) {
		return &denial{http.StatusNotFound, "not_found", "no such file"}, nil
	}
	for _, subject := range aud.Subjects {
		if need := subjectEntitlement[subject]; !tok.Allows(need) {
			return &denial{http.StatusForbidden, "missing_entitlement",
				"the file holds " + subject + " records: this token lacks the " + string(need) + " entitlement"}, nil
		}
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
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	if _, err := s.Store.Claim(r.Context(), id, scopeOf(tok)); !s.found(w, r, err, "claim") {
		return
	}
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
}

// covers reports whether a scope covers every provider; a file with no
// known provider is nobody's.
func covers(s edigw.Scope, providers []edigw.Provider) bool {
	if len(providers) == 0 {
		return false
	}
	for _, p := range providers {
		if !s.Covers(p.TIN, p.NPI) {
			return false
		}
	}
	return true
}

// openFile opens a file where it rests now: inbound files move to
// archive/ or error/ once their outcome is committed.
func (s *Server) openFile(r *http.Request, f *edigw.File) (io.ReadCloser, error) {
	var err error
	for _, key := range restingKeys(f) {
		var rc io.ReadCloser
		if rc, err = s.Objects.Get(r.Context(), key); err == nil {
			return rc, nil
		}
		if !errors.Is(err, edigw.ErrObjectNotFound) {
			break
		}
	}
	return nil, err
}

// restingKeys are where a file may be, most likely first: an inbound file
// under its partner's archive/ (or error/ when it was not accepted), or
// still in inbound/ while its outcome is being committed.
func restingKeys(f *edigw.File) []string {
	if f.Direction != edigw.Inbound {
		return []string{f.Key}
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
