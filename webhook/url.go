package webhook

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Policy says which URLs a subscription may name and the deliveries may
// reach (decisions/0026). It is checked twice: when a subscription is
// created, on the URL as written (names resolved), and when a delivery
// connects, on the address actually dialled, so a name that resolves to a
// refused address later (DNS rebinding) is refused too.
//
// Always refused: schemes other than https (http too with AllowHTTP),
// URLs with user information, the unspecified, multicast and broadcast
// addresses, link-local addresses (169.254.0.0/16 with the cloud metadata
// service at 169.254.169.254, fe80::/10), the metadata services elsewhere
// (metadataServices), and the gateway's own listener
// (Self). Refused unless AllowHTTP (local use and tests): loopback
// addresses. Private networks are allowed: a billing system on the
// hospital's network is the usual receiver.
type Policy struct {
	AllowHTTP bool
	// Self is the gateway's own listener (host:port): never a receiver,
	// under any of the host's addresses when it listens on all of them.
	Self string
	// Resolver looks names up (nil: net.DefaultResolver).
	Resolver *net.Resolver
}

// Errors of the URL check; their text names the rule, never the URL.
var (
	ErrScheme       = errors.New("the URL must be https")
	ErrURL          = errors.New("the URL is not an absolute http(s) URL with a host, without user information")
	ErrAddress      = errors.New("the URL's host is an address webhooks may not reach (loopback, link-local, metadata, unspecified, multicast)")
	ErrSelf         = errors.New("the URL is the gateway's own address")
	ErrUnresolvable = errors.New("the URL's host does not resolve")
)

// CheckURL checks a subscription's URL.
func (p *Policy) CheckURL(ctx context.Context, raw string) error {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.User != nil || u.Opaque != "" {
		return ErrURL
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !p.AllowHTTP {
			return ErrScheme
		}
	default:
		return ErrURL
	}
	host, port := u.Hostname(), u.Port()
	if port == "" {
		port = map[string]string{"http": "80", "https": "443"}[u.Scheme]
	}
	var addrs []netip.Addr
	if a, err := netip.ParseAddr(host); err == nil {
		addrs = []netip.Addr{a}
	} else {
		ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		ips, err := p.resolver().LookupNetIP(ctx, "ip", host)
		if err != nil || len(ips) == 0 {
			return ErrUnresolvable
		}
		addrs = ips
	}
	for _, a := range addrs {
		if err := p.checkAddr(netip.AddrPortFrom(a.Unmap(), parsePort(port))); err != nil {
			return err
		}
	}
	return nil
}

func (p *Policy) resolver() *net.Resolver {
	if p.Resolver != nil {
		return p.Resolver
	}
	return net.DefaultResolver
}

// parsePort reads a port; 0 when it is not one (70000 does not wrap).
func parsePort(s string) uint16 {
	n, err := strconv.ParseUint(s, 10, 16)
	if err != nil {
		return 0
	}
	return uint16(n)
}

// metadataServices are the cloud metadata services outside link-local
// space: AWS's IPv6 endpoint (a unique local address, which private
// networks would otherwise allow) and Alibaba Cloud's (in the shared
// address space).
var metadataServices = map[netip.Addr]bool{
	netip.MustParseAddr("fd00:ec2::254"):   true,
	netip.MustParseAddr("100.100.100.200"): true,
}

// checkAddr checks one address a delivery would connect to.
func (p *Policy) checkAddr(ap netip.AddrPort) error {
	a := ap.Addr().Unmap()
	switch {
	case a.IsUnspecified(), a.IsMulticast(), a.IsLinkLocalUnicast(), a.IsLinkLocalMulticast(),
		a == netip.MustParseAddr("255.255.255.255"), metadataServices[a]:
		return ErrAddress
	}
	if p.isSelf(netip.AddrPortFrom(a, ap.Port())) {
		return ErrSelf
	}
	if a.IsLoopback() && !p.AllowHTTP {
		return ErrAddress
	}
	return nil
}

// isSelf reports whether an address is the gateway's listener: the same
// port on the listener's address, or on any loopback or local address
// when the listener's is unspecified (0.0.0.0, ::) or a loopback one.
func (p *Policy) isSelf(ap netip.AddrPort) bool {
	if p.Self == "" {
		return false
	}
	self, err := netip.ParseAddrPort(p.Self)
	if err != nil {
		host, port, err := net.SplitHostPort(p.Self)
		if err != nil {
			return false
		}
		if strings.EqualFold(host, "localhost") {
			host = "127.0.0.1"
		}
		a, err := netip.ParseAddr(host)
		if err != nil {
			return false
		}
		self = netip.AddrPortFrom(a, parsePort(port))
	}
	if ap.Port() != self.Port() {
		return false
	}
	sa := self.Addr().Unmap()
	if ap.Addr() == sa {
		return true
	}
	if sa.IsUnspecified() || sa.IsLoopback() {
		return ap.Addr().IsLoopback() || isLocalAddr(ap.Addr())
	}
	return false
}

// isLocalAddr reports whether a is one of this host's addresses.
func isLocalAddr(a netip.Addr) bool {
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		return false
	}
	for _, ia := range addrs {
		if n, ok := ia.(*net.IPNet); ok {
			if b, ok := netip.AddrFromSlice(n.IP); ok && b.Unmap() == a {
				return true
			}
		}
	}
	return false
}

// Client is the HTTP client deliveries use: every connection is checked
// against the policy at the address dialled, redirects are not followed
// (a 3xx is a failed delivery: following one would let a receiver point
// the gateway anywhere), and each delivery has timeout to answer.
func (p *Policy) Client(timeout time.Duration) *http.Client {
	d := &net.Dialer{Timeout: 10 * time.Second, Control: func(_, address string, _ syscall.RawConn) error {
		ap, err := netip.ParseAddrPort(address)
		if err != nil {
			return ErrAddress
		}
		return p.checkAddr(ap)
	}}
	tr := &http.Transport{
		DialContext: d.DialContext, ForceAttemptHTTP2: true, MaxIdleConns: 100, MaxIdleConnsPerHost: 4,
		IdleConnTimeout: 90 * time.Second, TLSHandshakeTimeout: 10 * time.Second, ResponseHeaderTimeout: timeout,
	}
	return &http.Client{Transport: tr, Timeout: timeout,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}
