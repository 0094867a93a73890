package dev.cfsign;

import dev.cfsign.SignedUrlDiagnosis.Finding;
import dev.cfsign.SignedUrlDiagnosis.Problem;
import dev.cfsign.internal.PolicyReader;
import java.time.Duration;

/** The diagnosis's words for encodings and malformed values: which alphabet, which unit, which kind of policy. */
final class DiagnosisWords {
    private DiagnosisWords() {}

    static Finding malformedSignature(String signature, String pre) {
        Finding alphabet = alphabet(signature, pre + "Signature");
        return alphabet != null ? alphabet : f(Problem.MALFORMED_SIGNATURE, "The " + pre + "Signature is not"
                + " CloudFront base64. It may have been cut short or altered in transit. CloudFront answers"
                + " MalformedSignature.");
    }

    static Finding malformedExpires(String expires) {
        if (allDigits(expires) && expires.length() >= 12 && expires.length() <= 14) {
            return f(Problem.MILLISECONDS_AS_SECONDS, "Expires=" + expires + " is in milliseconds; CloudFront wants"
                    + " seconds since 1970 (" + expires.substring(0, expires.length() - 3) + "). Divide by 1000"
                    + " (Instant.getEpochSecond(), Math.floor(Date.now() / 1000)).");
        }
        return f(Problem.MALFORMED_POLICY, "Expires is not a whole number of seconds between 0 and 2147483647.");
    }

    static Finding policyEncoding(String policy, String pre) {
        Finding alphabet = alphabet(policy, pre + "Policy");
        return alphabet != null ? alphabet : f(Problem.MALFORMED_POLICY, "The " + pre + "Policy is not CloudFront"
                + " base64. CloudFront answers MalformedPolicy.");
    }

    static Finding alphabet(String value, String name) {
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '_') {
            end--;
        }
        boolean std = false;
        boolean urlSafe = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '+' || c == '/' || c == '=' || c == ' ') {
                std = true;
            } else if (c == '_' && i < end) {
                urlSafe = true;
            }
        }
        if (std) {
            return f(Problem.STANDARD_BASE64, "The " + name + " is standard base64 (it contains + / or =, or a space"
                    + " where a + was decoded). CloudFront needs its own alphabet: replace + with -, = with _ and / with ~.");
        }
        if (urlSafe && value.indexOf('~') < 0) {
            return f(Problem.URL_SAFE_BASE64, "The " + name + " uses URL-safe base64 (/ became _). CloudFront maps"
                    + " / to ~ and = to _, so _ may appear only as padding at the end: replace + with -, = with _,"
                    + " / with ~.");
        }
        return null;
    }

    static Finding malformed(PolicyReader.MalformedPolicy e) {
        if (e == null) {
            return f(Problem.MALFORMED_POLICY, "The policy is not UTF-8 text. CloudFront answers MalformedPolicy.");
        }
        switch (e.kind()) {
            case S3_BUCKET_POLICY:
                return f(Problem.S3_BUCKET_POLICY, "This is an S3 bucket (or IAM) policy, not a CloudFront policy: "
                        + e.getMessage() + ". A CloudFront policy has only Statement → Resource and Condition"
                        + " (DateLessThan, DateGreaterThan, IpAddress); no Version, Effect, Principal or Action.");
            case MILLISECOND_EPOCH:
                return f(Problem.MILLISECONDS_AS_SECONDS, "The policy uses milliseconds: " + e.getMessage()
                        + ". Divide by 1000 (Instant.getEpochSecond(), Math.floor(Date.now() / 1000)).");
            case QUOTED_EPOCH:
                return f(Problem.QUOTED_EPOCH, "The policy writes an epoch as a string: " + e.getMessage() + ".");
            default:
                return f(Problem.MALFORMED_POLICY, "The policy is malformed: " + e.getMessage()
                        + ". CloudFront answers MalformedPolicy.");
        }
    }

    /** A duration in at most two human units: "2 hours 5 minutes", "40 seconds". */
    static String human(Duration d) {
        long s = Math.abs(d.getSeconds());
        long[] sizes = {86400, 3600, 60, 1};
        String[] names = {"day", "hour", "minute", "second"};
        StringBuilder sb = new StringBuilder();
        int parts = 0;
        for (int i = 0; i < sizes.length && parts < 2; i++) {
            long v = s / sizes[i];
            if (v > 0 || (i == sizes.length - 1 && parts == 0)) {
                if (parts > 0) {
                    sb.append(' ');
                }
                sb.append(v).append(' ').append(names[i]).append(v == 1 ? "" : "s");
                s -= v * sizes[i];
                parts++;
            } else if (parts > 0) {
                break;
            }
        }
        return sb.toString();
    }

    private static boolean allDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Finding f(Problem p, String text) {
        return SignedUrlDiagnosis.finding(p, text);
    }
}
