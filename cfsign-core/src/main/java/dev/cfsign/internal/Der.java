package dev.cfsign.internal;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A tiny DER reader and writer: just enough ASN.1 to recognise key containers and to wrap PKCS#1 and SEC1 keys
 * into PKCS#8 and SPKI. Single-byte tags, definite lengths of up to four bytes; anything else is refused.
 *
 * <p>Errors are {@link DerException}s whose messages name offsets and tags only, never content bytes.
 */
final class Der {
    private Der() {}

    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int CONTEXT_0 = 0xA0;
    static final int CONTEXT_1 = 0xA1;

    /** Broken DER. {@link #truncated()} is true when a length runs past the end of the data. */
    static final class DerException extends Exception {
        private static final long serialVersionUID = 1L;
        private final boolean truncated;

        DerException(String message, boolean truncated) {
            super(message, null, false, false);
            this.truncated = truncated;
        }

        boolean truncated() {
            return truncated;
        }
    }

    /** One tag-length-value element, viewing {@code buf[start, start + length)} as its value. */
    static final class Tlv {
        private final int tag;
        private final byte[] buf;
        private final int offset; // where the tag byte is
        private final int start;
        private final int length;

        private Tlv(int tag, byte[] buf, int offset, int start, int length) {
            this.tag = tag;
            this.buf = buf;
            this.offset = offset;
            this.start = start;
            this.length = length;
        }

        int tag() {
            return tag;
        }

        int length() {
            return length;
        }

        int offset() {
            return offset;
        }

        boolean is(int t) {
            return tag == t;
        }

        byte[] value() {
            return Arrays.copyOfRange(buf, start, start + length);
        }

        /** The whole element, tag and length included. */
        byte[] encoded() {
            return Arrays.copyOfRange(buf, offset, start + length);
        }

        /** The elements inside a constructed value (SEQUENCE, SET, [n]). */
        List<Tlv> children() throws DerException {
            if ((tag & 0x20) == 0) {
                throw new DerException("tag 0x" + hex(tag) + " at offset " + offset + " is not constructed", false);
            }
            List<Tlv> out = new ArrayList<>();
            int pos = start;
            int end = start + length;
            while (pos < end) {
                Tlv t = read(buf, pos, end);
                out.add(t);
                pos = t.start + t.length;
            }
            return out;
        }

        /** The single element inside an explicit tag such as {@code [0]}. */
        Tlv inner() throws DerException {
            List<Tlv> c = children();
            if (c.size() != 1) {
                throw new DerException("tag 0x" + hex(tag) + " at offset " + offset + " holds " + c.size()
                        + " elements, expected 1", false);
            }
            return c.get(0);
        }

        BigInteger integer() throws DerException {
            expect(INTEGER);
            if (length == 0) {
                throw new DerException("empty INTEGER at offset " + offset, false);
            }
            return new BigInteger(buf, start, length);
        }

        /** An INTEGER that must be small, for versions and counts. */
        int smallInt() throws DerException {
            BigInteger v = integer();
            if (v.bitLength() > 31) {
                throw new DerException("INTEGER at offset " + offset + " is too large for a version field", false);
            }
            return v.intValue();
        }

        String oid() throws DerException {
            expect(OID);
            return decodeOid(buf, start, length, offset);
        }

        /** The bytes of a BIT STRING with no unused bits. */
        byte[] bitStringBytes() throws DerException {
            expect(BIT_STRING);
            if (length == 0 || buf[start] != 0) {
                throw new DerException("BIT STRING at offset " + offset + " has unused bits", false);
            }
            return Arrays.copyOfRange(buf, start + 1, start + length);
        }

        void expect(int t) throws DerException {
            if (tag != t) {
                throw new DerException("expected " + name(t) + " at offset " + offset + ", found " + name(tag), false);
            }
        }
    }

    /** Parses data that must be exactly one DER element. */
    static Tlv parse(byte[] data) throws DerException {
        if (data.length == 0) {
            throw new DerException("no data", true);
        }
        Tlv t = read(data, 0, data.length);
        int end = t.start + t.length;
        if (end != data.length) {
            throw new DerException((data.length - end) + " extra bytes after the end of the structure", false);
        }
        return t;
    }

    private static Tlv read(byte[] b, int pos, int end) throws DerException {
        int offset = pos;
        if (pos >= end) {
            throw new DerException("structure ends early at offset " + pos, true);
        }
        int tag = b[pos++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            throw new DerException("multi-byte tag at offset " + offset + " is not supported", false);
        }
        if (pos >= end) {
            throw new DerException("length missing at offset " + pos, true);
        }
        int first = b[pos++] & 0xFF;
        long len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7F;
            if (n == 0) {
                throw new DerException("indefinite length at offset " + offset + " is not DER", false);
            }
            if (n > 4) {
                throw new DerException("length of " + n + " bytes at offset " + offset + " is too large", false);
            }
            if (end - pos < n) {
                throw new DerException("length runs past the end of the data at offset " + offset, true);
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (b[pos++] & 0xFF);
            }
        }
        if (len > end - pos) {
            throw new DerException("element at offset " + offset + " declares " + len + " bytes but only "
                    + (end - pos) + " remain", true);
        }
        return new Tlv(tag, b, offset, pos, (int) len);
    }

    static String decodeOid(byte[] b, int start, int length, int offset) throws DerException {
        if (length == 0 || length > 64 || (b[start + length - 1] & 0x80) != 0) {
            throw new DerException("malformed OBJECT IDENTIFIER at offset " + offset, false);
        }
        StringBuilder sb = new StringBuilder();
        long v = 0;
        boolean firstArc = true;
        for (int i = start; i < start + length; i++) {
            int x = b[i] & 0xFF;
            if (v > (Long.MAX_VALUE >> 7)) {
                throw new DerException("OBJECT IDENTIFIER arc too large at offset " + offset, false);
            }
            v = (v << 7) | (x & 0x7F);
            if ((x & 0x80) == 0) {
                if (firstArc) {
                    long a = v < 40 ? 0 : v < 80 ? 1 : 2;
                    sb.append(a).append('.').append(v - 40 * a);
                    firstArc = false;
                } else {
                    sb.append('.').append(v);
                }
                v = 0;
            }
        }
        return sb.toString();
    }

    static String name(int tag) {
        switch (tag) {
            case INTEGER: return "INTEGER";
            case BIT_STRING: return "BIT STRING";
            case OCTET_STRING: return "OCTET STRING";
            case NULL: return "NULL";
            case OID: return "OBJECT IDENTIFIER";
            case SEQUENCE: return "SEQUENCE";
            case SET: return "SET";
            default: return "tag 0x" + hex(tag);
        }
    }

    private static String hex(int tag) {
        return String.format("%02X", tag);
    }

    // --- writer ---------------------------------------------------------------------------------

    static byte[] tlv(int tag, byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 6);
        out.write(tag);
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        for (byte[] p : parts) {
            out.write(p, 0, p.length);
        }
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
        return tlv(SEQUENCE, parts);
    }

    static byte[] integer(long v) {
        return tlv(INTEGER, BigInteger.valueOf(v).toByteArray());
    }

    static byte[] nul() {
        return new byte[] {NULL, 0};
    }

    static byte[] octetString(byte[] v) {
        return tlv(OCTET_STRING, v);
    }

    static byte[] bitString(byte[] v) {
        return tlv(BIT_STRING, new byte[] {0}, v);
    }

    static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeArc(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            writeArc(out, Long.parseLong(arcs[i]));
        }
        return tlv(OID, out.toByteArray());
    }

    private static void writeArc(ByteArrayOutputStream out, long v) {
        int groups = 1;
        for (long x = v >>> 7; x != 0; x >>>= 7) {
            groups++;
        }
        for (int g = groups - 1; g >= 0; g--) {
            int b = (int) ((v >>> (7 * g)) & 0x7F);
            out.write(g == 0 ? b : b | 0x80);
        }
    }
}
