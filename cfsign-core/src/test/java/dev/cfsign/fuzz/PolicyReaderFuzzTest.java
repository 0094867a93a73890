package dev.cfsign.fuzz;

import static dev.cfsign.fuzz.FuzzChecks.check;
import static dev.cfsign.fuzz.FuzzChecks.text;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.cfsign.PolicyOracle;
import dev.cfsign.internal.PolicyJson;
import dev.cfsign.internal.PolicyReader;
import java.util.Objects;

/**
 * The strict custom-policy reader. Properties: only {@code PolicyReader.MalformedPolicy} escapes; whatever it accepts,
 * the AWS SDK's JSON parser also reads as one statement with the same resource, epochs and IP; and what it reads
 * survives a round trip through cfsign's writer.
 */
class PolicyReaderFuzzTest {
    @FuzzTest(maxDuration = FuzzChecks.MAX_DURATION)
    void parse(byte[] data) {
        String json = text(data);
        PolicyReader.Parsed p;
        try {
            p = PolicyReader.parse(json);
        } catch (PolicyReader.MalformedPolicy e) {
            check(e.kind() != null && e.getMessage() != null && !e.getMessage().isBlank(), "a malformed policy names its rule");
            return;
        }
        PolicyOracle.Statement s = PolicyOracle.read(json);
        check(Objects.equals(s.resource(), p.resource()), "Resource differs from the independent parser");
        check(s.dateLessThan().equals(Long.toString(p.dateLessThan())), "DateLessThan differs from the independent parser");
        check(Objects.equals(s.dateGreaterThan(), p.dateGreaterThan() == null ? null : p.dateGreaterThan().toString()),
                "DateGreaterThan differs from the independent parser");
        check(Objects.equals(s.sourceIp(), p.sourceIpText()), "AWS:SourceIp differs from the independent parser");
        check(p.dateLessThan() >= 0 && p.dateLessThan() <= 2147483647L, "DateLessThan in CloudFront's range");
        check((p.sourceIp() == null) == (p.sourceIpText() == null), "the IP range and its text go together");

        String again = PolicyJson.custom(p.resource(), p.dateLessThan(), p.dateGreaterThan(), p.sourceIpText());
        PolicyReader.Parsed q = PolicyReader.parse(again);
        check(Objects.equals(q.resource(), p.resource()) && q.dateLessThan() == p.dateLessThan()
                && Objects.equals(q.dateGreaterThan(), p.dateGreaterThan())
                && Objects.equals(q.sourceIpText(), p.sourceIpText()), "a parsed policy must survive write and re-read");
    }
}
