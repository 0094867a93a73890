package dev.cfsign.internal;

import java.net.Inet4Address;
import java.net.InetAddress;

/** An IPv4 CIDR block parsed without regular expressions, for the verifier's hot path. */
public final class Ipv4Cidr {
    private final int network;
    private final int mask;
    private final int prefix;

    private Ipv4Cidr(int network, int prefix) {
        this.prefix = prefix;
        this.mask = prefix == 0 ? 0 : -1 << (32 - prefix);
        this.network = network & mask;
    }

    /** Parses {@code a.b.c.d} (as /32) or {@code a.b.c.d/n}; returns null when the text is anything else. */
    public static Ipv4Cidr parse(String text) {
        int n = text.length();
        int i = 0;
        int ip = 0;
        for (int part = 0; part < 4; part++) {
            int start = i;
            int v = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
                v = v * 10 + (text.charAt(i) - '0');
                i++;
            }
            int len = i - start;
            if (len == 0 || v > 255 || (len > 1 && text.charAt(start) == '0')) {
                return null;
            }
            ip = (ip << 8) | v;
            if (part < 3) {
                if (i >= n || text.charAt(i) != '.') {
                    return null;
                }
                i++;
            }
        }
        int prefix = 32;
        if (i < n) {
            if (text.charAt(i) != '/') {
                return null;
            }
            i++;
            int start = i;
            int v = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 2) {
                v = v * 10 + (text.charAt(i) - '0');
                i++;
            }
            if (i == start || i != n || v > 32) {
                return null;
            }
            prefix = v;
        }
        return new Ipv4Cidr(ip, prefix);
    }

    public boolean contains(InetAddress address) {
        if (!(address instanceof Inet4Address)) {
            return false;
        }
        byte[] b = address.getAddress();
        int ip = ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        return (ip & mask) == network;
    }

    public int prefixLength() {
        return prefix;
    }
}
