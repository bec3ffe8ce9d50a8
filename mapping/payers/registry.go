package payers

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	"github.com/edigw/edigw"
)

// data holds one profile per payer, named after its payer ID.
//
//go:embed data/*.json
var data embed.FS

// profiles are the embedded profiles, loaded once at init: a profile that
// does not load stops the program before it checks a claim with half the
// rules (TestEmbeddedProfilesLoad catches that before a release).
var profiles = mustLoad(data, "data")

// Lookup returns the profile of a payer, if edigw has one.
func Lookup(id edigw.PayerID) (*Profile, bool) {
	p, ok := profiles[id]
	return p, ok
}

// PayerIDs lists the payers with a profile, in order.
func PayerIDs() []edigw.PayerID {
	return slices.Sorted(maps.Keys(profiles))
}

// Load reads every *.json file in dir of fsys as a profile. Each file must
// be named after the payer ID it holds (62308.json), so a payer cannot be
// described twice.
func Load(fsys fs.FS, dir string) (map[edigw.PayerID]*Profile, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	out := map[edigw.PayerID]*Profile{}
	var errs []error
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		name := path.Join(dir, e.Name())
		b, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		p, err := ParseBytes(b)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", name, err))
			continue
		}
		if want := strings.TrimSuffix(e.Name(), ".json"); string(p.PayerID) != want {
			errs = append(errs, fmt.Errorf("%s: holds payer %s; the file must be named %s.json", name, p.PayerID, p.PayerID))
			continue
		}
		out[p.PayerID] = p
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

func mustLoad(fsys fs.FS, dir string) map[edigw.PayerID]*Profile {
	m, err := Load(fsys, dir)
	if err != nil {
		panic(err)
	}
	return m
}
