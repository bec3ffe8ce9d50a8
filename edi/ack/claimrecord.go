package ack

import (
	"encoding/binary"
	"errors"
	"io"
)

// A claim record is how a Claim waits in a spool: its strings and numbers
// one after another, each string and the count of ranges preceded by its
// length (uvarint). Errors are not spooled: Claims.Each assigns them.

func appendClaim(b []byte, c *Claim) []byte {
	for _, s := range [...]string{c.PatientControlNumber, c.Charge, c.PatientLast, c.PatientFirst, c.MemberID, c.ServiceFrom, c.ServiceTo} {
		b = appendString(b, s)
	}
	b = binary.AppendUvarint(b, uint64(c.provider))
	if c.Provider != nil {
		b = append(b, 1)
		b = appendString(b, c.Provider.Name)
		b = appendString(b, c.Provider.IDQualifier)
		b = appendString(b, c.Provider.ID)
	} else {
		b = append(b, 0)
	}
	b = binary.AppendUvarint(b, uint64(len(c.ranges)))
	for _, r := range c.ranges {
		b = binary.AppendUvarint(b, uint64(r[0]))
		b = binary.AppendUvarint(b, uint64(r[1]))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// claimReader is what readClaim reads from: a bufio.Reader.
type claimReader interface {
	io.Reader
	io.ByteReader
}

var errBadRecord = errors.New("a spooled claim record is damaged")

func readClaim(r claimReader) (*Claim, error) {
	c := &Claim{}
	for _, p := range [...]*string{&c.PatientControlNumber, &c.Charge, &c.PatientLast, &c.PatientFirst, &c.MemberID, &c.ServiceFrom, &c.ServiceTo} {
		s, err := readString(r)
		if err != nil {
			return nil, err
		}
		*p = s
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	c.provider = int(n)
	has, err := r.ReadByte()
	if err != nil {
		return nil, err
	}
	if has == 1 {
		p := &Provider{}
		for _, f := range [...]*string{&p.Name, &p.IDQualifier, &p.ID} {
			if *f, err = readString(r); err != nil {
				return nil, err
			}
		}
		c.Provider = p
	}
	nr, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if nr > 4 {
		return nil, errBadRecord
	}
	c.ranges = c.rangeBuf[:nr]
	for i := range c.ranges {
		for j := range 2 {
			v, err := binary.ReadUvarint(r)
			if err != nil {
				return nil, err
			}
			c.ranges[i][j] = int(v)
		}
	}
	return c, nil
}

func readString(r claimReader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	if n > 1<<20 {
		return "", errBadRecord
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}
