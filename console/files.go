package console

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"path"
	"slices"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/mapping"
)

// The Files pages: the operators' list across providers, a file's
// inspector, and the upload that validates a file without storing it.

const (
	filesPerPage = 50
	maxUpload    = 10 << 20 // an upload is read into memory, twice at most
)

var fileStatuses = []edigw.FileStatus{edigw.FileCommitted, edigw.FileArchived, edigw.FileRejected,
	edigw.FileDuplicate, edigw.FilePending, edigw.FileSent}

type filesPage struct {
	Operator  bool
	Statuses  []edigw.FileStatus
	Status    string
	Direction string
	Rows      []fileRow
	Next      int64
}

type fileRow struct {
	edigw.File
	Name string
	// Openable: the operator may open the inspector (the file is no
	// provider's); other files are listed by their ledger entry only.
	Openable bool
}

func (s *Server) files(w http.ResponseWriter, r *http.Request, sess *session) {
	p := filesPage{Operator: sess.token.Operator(), Statuses: fileStatuses}
	if !p.Operator {
		s.render(w, r, http.StatusOK, "files", sess, p)
		return
	}
	q := r.URL.Query()
	f := edigw.FileFilter{Limit: filesPerPage + 1}
	if st := edigw.FileStatus(q.Get("status")); slices.Contains(fileStatuses, st) {
		f.Status, p.Status = st, string(st)
	}
	if d := edigw.Direction(q.Get("direction")); d == edigw.Inbound || d == edigw.Outbound {
		f.Direction, p.Direction = d, string(d)
	}
	f.Before, _ = strconv.ParseInt(q.Get("before"), 10, 64)
	files, err := s.Store.Files(r.Context(), f)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	if len(files) > filesPerPage {
		files = files[:filesPerPage]
		p.Next = files[len(files)-1].ID
	}
	for _, file := range files {
		ok, err := s.mayRead(r, sess, file.ID)
		if err != nil && !errors.Is(err, edigw.ErrNotFound) {
			s.fail(w, r, sess, err)
			return
		}
		p.Rows = append(p.Rows, fileRow{File: file, Name: path.Base(file.Key), Openable: ok})
	}
	s.render(w, r, http.StatusOK, "files", sess, p)
}

type filePage struct {
	File     *edigw.File
	Name     string
	Upload   bool
	Parent   int64
	Answers  []fileRow
	Records  []recordLink
	Counts   map[string]int64
	Gone     string
	Inspect  *inspection
	FileLink string // the page's own path, for the segment pager
}

type recordLink struct {
	edigw.FileRecord
	Href string
}

func (s *Server) file(w http.ResponseWriter, r *http.Request, sess *session) {
	id, ok := pathID(r)
	if !ok {
		s.notFound(w, r, sess)
		return
	}
	f, err := s.Store.File(r.Context(), id)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	if ok, err := s.mayRead(r, sess, id); err != nil || !ok {
		if err == nil {
			err = edigw.ErrNotFound
		}
		s.fail(w, r, sess, err)
		return
	}
	p := filePage{File: f, Name: path.Base(f.Key), FileLink: "/files/" + strconv.FormatInt(id, 10)}
	if f.ParentID != 0 {
		if ok, err := s.mayRead(r, sess, f.ParentID); err == nil && ok {
			p.Parent = f.ParentID
		}
	}
	answers, err := s.Store.FileAnswers(r.Context(), id)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	for _, a := range answers {
		if ok, err := s.mayRead(r, sess, a.ID); err == nil && ok {
			p.Answers = append(p.Answers, fileRow{File: a, Name: path.Base(a.Key), Openable: true})
		}
	}
	scope := sess.token.Scope
	recs, counts, err := s.Store.FileRecords(r.Context(), id, &scope, 100)
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	p.Counts = counts
	for _, rec := range recs {
		l := recordLink{FileRecord: rec}
		switch {
		case rec.Subject == "claim" && sess.token.Allows(edigw.EntitleClaims):
			l.Href = "/claims/" + strconv.FormatInt(rec.ID, 10)
		case rec.Subject == "authorization" && sess.token.Allows(edigw.EntitlePrecertification):
			l.Href = "/worklist/" + strconv.FormatInt(rec.ID, 10)
		}
		p.Records = append(p.Records, l)
	}
	from, _ := strconv.Atoi(r.URL.Query().Get("from"))
	open := func() (io.ReadCloser, error) { return api.OpenFile(r.Context(), s.Objects, f) }
	p.Inspect, err = inspect(r.Context(), open, p.Name, from, false, s.lookup())
	switch {
	case errors.Is(err, edigw.ErrObjectNotFound):
		p.Gone = "The file is no longer in the object store."
	case errors.Is(err, edigw.ErrDigestMismatch):
		p.Gone = "The stored bytes do not match the digest the ledger recorded: they are not shown."
	case err != nil:
		s.fail(w, r, sess, err)
		return
	}
	s.render(w, r, http.StatusOK, "file", sess, p)
}

// lookup is the store as the payer rules' authorization lookup.
func (s *Server) lookup() mapping.AuthorizationLookup {
	if s.Store == nil {
		return nil
	}
	return s.Store
}

// validateUpload judges an uploaded file as the pipeline would and shows
// it in the inspector; nothing is stored.
func (s *Server) validateUpload(w http.ResponseWriter, r *http.Request, sess *session) {
	file, hdr, err := r.FormFile("file")
	if err != nil {
		s.render(w, r, http.StatusBadRequest, "error", sess, errorPage{Title: "No file",
			Message: "Choose an X12 file to validate (at most 10 MB)."})
		return
	}
	defer file.Close()
	body, err := io.ReadAll(io.LimitReader(file, maxUpload+1))
	if err != nil || len(body) > maxUpload {
		s.render(w, r, http.StatusRequestEntityTooLarge, "error", sess, errorPage{Title: "File too large",
			Message: "The console validates files of up to 10 MB; use edigw validate for larger ones."})
		return
	}
	name := path.Base(hdr.Filename)
	open := func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	insp, err := inspect(r.Context(), open, name, 1, true, s.lookup())
	if err != nil {
		s.fail(w, r, sess, err)
		return
	}
	s.render(w, r, http.StatusOK, "file", sess, filePage{Name: name, Upload: true, Inspect: insp})
}
