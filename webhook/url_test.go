package webhook

import (
	"context"
	"errors"
	"testing"
)

// TestPolicyRefusesEveryFormOfARefusedAddress: the URL check refuses
// loopback, link-local and the cloud metadata services however the
// address is written (IPv4-mapped IPv6, the IPv6 endpoint of the AWS
// instance metadata service, Alibaba Cloud's), and the gateway's own
// listener under another of its spellings; a private network's receiver
// stays allowed.
func TestPolicyRefusesEveryFormOfARefusedAddress(t *testing.T) {
	ctx := context.Background()
	strict := &Policy{}
	for _, u := range []string{
		"https://127.0.0.1/", "https://[::1]/", "https://[::ffff:127.0.0.1]/", "https://[0:0:0:0:0:ffff:7f00:1]/",
		"https://169.254.169.254/", "https://[::ffff:169.254.169.254]/", "https://[::ffff:a9fe:a9fe]/",
		"https://[fd00:ec2::254]/", "https://[fd00:ec2:0::254]/", "https://100.100.100.200/",
		"https://[fe80::1%25eth0]/", "https://0.0.0.0/", "https://[::]/", "https://224.0.0.1/", "https://255.255.255.255/",
	} {
		if err := strict.CheckURL(ctx, u); !errors.Is(err, ErrAddress) {
			t.Errorf("%s: %v, want ErrAddress", u, err)
		}
	}
	for _, self := range []string{"0.0.0.0:8443", "[::]:8443", "127.0.0.1:8443", "localhost:8443"} {
		p := &Policy{AllowHTTP: true, Self: self}
		for _, u := range []string{"http://127.0.0.1:8443/", "http://[::1]:8443/", "http://[::ffff:127.0.0.1]:8443/", "http://127.0.0.2:8443/"} {
			if err := p.CheckURL(ctx, u); !errors.Is(err, ErrSelf) {
				t.Errorf("self %s, %s: %v, want ErrSelf", self, u, err)
			}
		}
	}
	for _, u := range []string{"https://10.1.2.3/", "https://[fd12:3456::1]/", "https://192.168.1.10:8443/"} {
		if err := strict.CheckURL(ctx, u); err != nil {
			t.Errorf("%s: %v, want allowed", u, err)
		}
	}
}
