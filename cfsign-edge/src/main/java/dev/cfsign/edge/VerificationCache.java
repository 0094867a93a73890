package dev.cfsign.edge;

import dev.cfsign.VerifiedRequest;
import dev.cfsign.ViewerRequest;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers allowed verifications so that the many range requests of one video do not each pay an RSA or ECDSA
 * verification. The key is a SHA-256 digest of everything the verdict depends on — scheme, host, raw path, raw query,
 * the {@code Cookie} headers and the viewer IP — so only a byte-identical request reuses an entry. An entry is
 * reused only while its policy is still valid (before {@code Expires}/{@code DateLessThan} plus skew, after
 * {@code DateGreaterThan} minus skew, by the server's clock); expired entries are dropped when met and swept
 * periodically. Denials are never cached. Least recently used entries go first when the cache is full.
 * Thread-safe.
 */
final class VerificationCache {
    private final int maxEntries;
    private final Clock clock;
    private final Duration skew;
    private final LinkedHashMap<String, Entry> map;
    private long puts;

    VerificationCache(int maxEntries, Clock clock, Duration skew) {
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.skew = skew;
        this.map = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > VerificationCache.this.maxEntries;
            }
        };
    }

    private static final class Entry {
        final VerifiedRequest verified;
        final Instant validUntil;
        final Instant validAfter;

        Entry(VerifiedRequest verified, Instant validUntil, Instant validAfter) {
            this.verified = verified;
            this.validUntil = validUntil;
            this.validAfter = validAfter;
        }

        boolean validAt(Instant now) {
            return now.isBefore(validUntil) && (validAfter == null || now.isAfter(validAfter));
        }
    }

    /** The digest identifying a request's credentials and everything they are checked against. */
    static String key(ViewerRequest r) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
        update(md, r.scheme());
        update(md, r.authority());
        update(md, r.rawPath());
        update(md, r.rawQuery().orElse("\u0001none"));
        for (String c : r.cookieHeaders()) {
            update(md, c);
        }
        update(md, "\u0002ip");
        update(md, r.viewerIp().map(InetAddress::getHostAddress).orElse("\u0001none"));
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    /** The remembered verification, or null when there is none still valid now. */
    synchronized VerifiedRequest get(String key) {
        Entry e = map.get(key);
        if (e == null) {
            return null;
        }
        if (!e.validAt(clock.instant())) {
            map.remove(key);
            return null;
        }
        return e.verified;
    }

    synchronized void put(String key, VerifiedRequest verified) {
        Instant until = verified.expiresAt().plus(skew);
        Instant after = verified.activeFrom().map(a -> a.minus(skew)).orElse(null);
        map.put(key, new Entry(verified, until, after));
        if (++puts % 1024 == 0) {
            sweep();
        }
    }

    private void sweep() {
        Instant now = clock.instant();
        for (Iterator<Entry> it = map.values().iterator(); it.hasNext(); ) {
            if (!it.next().validAt(now)) {
                it.remove();
            }
        }
    }

    synchronized int size() {
        return map.size();
    }
}
