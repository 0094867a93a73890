package dev.cfsign;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.keys.SigningKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Byte-exact vectors from the AWS CLI v2 functional tests (docs/cloudfront-rules.md §6.2) and the AWS SDK for Ruby specs (docs/cloudfront-rules.md §6.3),
 * loaded through cfsign's own PEM path (PKCS#1 and PKCS#8).
 */
class PublicVectorsTest {

    static String resource(String name) {
        try (InputStream in = PublicVectorsTest.class.getResourceAsStream("/vectors/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static CloudFrontSigner signer(String keyFile, String keyId, Instant now) {
        return CloudFrontSigner.builder().keyPairId(keyId).signingKey(SigningKey.fromPem(resource(keyFile)))
                .clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    static final Instant CLI_EXP = Instant.ofEpochSecond(1451606400L); // 2016-01-01T00:00:00Z
    static final Instant CLI_NOW = Instant.parse("2015-12-01T00:00:00Z");

    @Test
    void awsCli_pkcs1Canned_matchesVector() {
        SignedUrl url = signer("aws-cli-pkcs1.pem", "my_id", CLI_NOW).signUrl("http://example.com/hi", CLI_EXP);
        assertThat(url.url()).isEqualTo("http://example.com/hi?Expires=1451606400&Signature="
                + "UiEmtMsInU-gXoa1O7-bTRJmZ~ocphB0ONMxyEHs2r8Y9dwzeB~DkbgzPMX3jbdbwIwVX3f4VcY4HBLdPSkbF~D6KbUlxPw1ju8mlXeu2C436XxZdrJrrJaiEDaTpKslXpn9ngaCzVfCVPfkC3a0NBWBySi5ezCG2yzb0c-djNgI1wkogwtmtZuOxAoKF1sRTyFX9ZitUiUIl~65nkJ94s~GGwxzTf1kMi7Wdm~9rFrJpx0O7nJEBy5O578s2UHrejtwyedUR5BqXTkgu~A51NcjAN9LErATV7SVBYicoZ76AOfB-TKay7g6-MWCK6-T-4Q5x6XH4yzII3JpbCmVwA__"
                + "&Key-Pair-Id=my_id");
    }

    @Test
    void awsCli_pkcs1CustomIp_matchesVector() {
        SignedUrl url = signer("aws-cli-pkcs1.pem", "my_id", CLI_NOW).signUrl("http://example.com/hi",
                CustomPolicy.builder().expiresAt(CLI_EXP).ipRange("12.34.56.78").build());
        assertThat(url.url()).isEqualTo("http://example.com/hi?Policy="
                + "eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaHR0cDovL2V4YW1wbGUuY29tL2hpIiwiQ29uZGl0aW9uIjp7IkRhdGVMZXNzVGhhbiI6eyJBV1M6RXBvY2hUaW1lIjoxNDUxNjA2NDAwfSwiSXBBZGRyZXNzIjp7IkFXUzpTb3VyY2VJcCI6IjEyLjM0LjU2Ljc4LzMyIn19fV19"
                + "&Signature=Vw-WG18WJJXim7YSGWS-zW~XmFB9MjCDOvgC~2Gz-1wiMQzCrXzYYbSE7-aF6JGOOb5ewArpMqmu2g5mohnqgieZX1NY6IOteDoXYgqaNj1DafHWQD6UJ3IKVfkxISU9OmFPoG7H~VSPWEzOxdjOqdIPvAU2pW2mJ5oWu2aL62s0VVtLGCAm-DahiSQisl0JbzpPyG1pofvPbT75qc71r9uiqSAbPjUF5nmLCZazVnFjDkj3zIgMRYa5aV54VDa6-wEizzmjQ3-m6UMoYgcGHQXEjoFIWTfpZvbZBYkmK9lk3d16cgvaHafTJ-CPegn1bKxfgNEjSAoPWS0OvBkRmg__"
                + "&Key-Pair-Id=my_id");
    }

    @Test
    void awsCli_pkcs8Canned_matchesVector() {
        SignedUrl url = signer("aws-cli-pkcs8.pem", "my_id", CLI_NOW).signUrl("http://example.com/hi", CLI_EXP);
        assertThat(SepVectorsTest.signatureOf(url.url())).isEqualTo(
                "cIOcUXezjLknta66EiRX7rk3viXv20F01OwZa1X2QWxhnWnBVno~mg0Gcyfzvfgo-oXCvZC3bdsfTJXiBcnC1XyxCxBa03bouAae4A0ajP4ey~TKKwPHikOmu2Rc1NEu-c6wr8DbMZrm~1WIWG4kFG1jhSRoEk2W82NkGEh4xEPq3gaNjQPfF7zIAwcZUUkgGkIbT-cQ5UZ6rTqTiFGdXD2z8kjulgmtu8Quo6hplch~9ltmKTOt9blswd6hMfCMNJ~tUj77j8fz968adb9w43jBtl~~5seb8ys01cg5IGWV44LKMWaLmEgzWQAjg-Jg9wx-HYwuqH4Klds03WZzRQ__");
    }

    @Test
    void awsCli_pkcs8CustomIp_matchesVector() {
        SignedUrl url = signer("aws-cli-pkcs8.pem", "my_id", CLI_NOW).signUrl("http://example.com/hi",
                CustomPolicy.builder().expiresAt(CLI_EXP).ipRange("12.34.56.78/32").build());
        assertThat(SepVectorsTest.signatureOf(url.url())).isEqualTo(
                "beEwE8ZmSX71e79a5dxupiE0zHxahe1IFzuTExKxV0InQnKFlT0wj0tardAlGKFLLdX9HMGiVjIjvMBdUZQJ-9mMXBtFsQ5nLDEoRH29H8AATzaf4Nx4n29XtVp-jPVFGFtmdaGJedjJRMV-IzBQcJ19VPl3R8t3Fp~8eP9-P8KpvkJXH2UvJ2H8nMBt2OgvbrCT2hl~91UtEOgmxeA6twWNpziH0uEdpDOHgnYer5ScdFoo02rPjRXIqPuQcjwPT2wu~A5T~zomcghjMcIdLeJeS9nscTkjON69xBB-t4lclK3mfzsXTumcx-FzLgOBbP2Z1d~ZU6X0rkeL~w1BlQ__");
    }

    static final Instant RUBY_EXP = Instant.ofEpochSecond(1357034400L); // 2013-01-01T10:00:00Z
    static final Instant RUBY_NOW = Instant.parse("2012-12-01T00:00:00Z");

    @Test
    void rubySdk_cannedUrlWithOwnQuery_matchesVector() {
        SignedUrl url = signer("ruby-sdk-rsa1024-pkcs1.pem", "CF_KEYPAIR_ID", RUBY_NOW)
                .signUrl("https://abc.cloudfront.net/images/image.jpg?color=red", RUBY_EXP);
        assertThat(url.url()).isEqualTo("https://abc.cloudfront.net/images/image.jpg?color=red&Expires=1357034400&Signature="
                + "GvrDx3aAG1u1sAQF68c~xD6LVORt36mRTvC2u5RwLjsvusXI0sJPxy3D0R8AQp4qFZlRehwh~mablw8DBNRFLQ81mazmbrUOhXbuepav5ZmCU-KgOmXtpMS49L7TLGUSfwSksDx1qriAtB4mS4iJaNt2mfo0C5G-vlt9qMftkJg_"
                + "&Key-Pair-Id=CF_KEYPAIR_ID");
    }

    @Test
    void rubySdk_urlLikePath_matchesVector() {
        SignedUrl url = signer("ruby-sdk-rsa1024-pkcs1.pem", "CF_KEYPAIR_ID", RUBY_NOW)
                .signUrl("https://abc.cloudfront.net/images/from/s3://bucket/file.jpg", RUBY_EXP);
        assertThat(SepVectorsTest.signatureOf(url.url())).isEqualTo(
                "Xk0prcC1fjhyROJOIr~x0KUuc-wEOQ~v0zHwQ1GjPZH2rJPDIbjwNcvK8NIwyuQSk4PxmpaI1oVV8t62tuMPiQ8NuP2LM6y-XWFPUkegRVVRC~~HKxvPUghef4iWS~zwIbn4bDpXjqjtA9nnyIlasauQypl7Zqm94g48YKTL2U0_");
    }

    @Test
    void rubySdk_customPolicyFromJson_signatureMatchesVector() {
        // The Ruby spec signs a hand-written policy (relative resource, IpAddress before DateLessThan): sign its bytes.
        String json = "{\"Statement\":[{\"Resource\":\"images/image.jpg\",\"Condition\":{\"IpAddress\":{\"AWS:SourceIp\":"
                + "\"10.52.176.0/24\"},\"DateLessThan\":{\"AWS:EpochTime\":1357034400}}}]}";
        String sig = dev.cfsign.internal.CloudFrontBase64.encode(new dev.cfsign.internal.SignatureEngine(
                SigningKey.fromPem(resource("ruby-sdk-rsa1024-pkcs1.pem")).jcaPrivateKey(), null, "RSA", HashAlgorithm.SHA1,
                null).sign(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(sig).isEqualTo("n4V7xum3wA-w1PaCMyEMpWVXdfw-Yt8I26RpZJKc~Nk8yQh8LYOxewItGJXFq0BxnKuSEKoEVYVTFEteFAGKXwhkbC7K~JfL83aroPbRagjyG-V9Y5wMLccBAzMj5nHXxjvjlOu541VUR-RlR0KK106HT4-Hp1c~nyOmXs4R5mU_");
        assertThat(dev.cfsign.internal.CloudFrontBase64.encode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(
                "eyJTdGF0ZW1lbnQiOlt7IlJlc291cmNlIjoiaW1hZ2VzL2ltYWdlLmpwZyIsIkNvbmRpdGlvbiI6eyJJcEFkZHJlc3MiOnsiQVdTOlNvdXJjZUlwIjoiMTAuNTIuMTc2LjAvMjQifSwiRGF0ZUxlc3NUaGFuIjp7IkFXUzpFcG9jaFRpbWUiOjEzNTcwMzQ0MDB9fX1dfQ__");
    }

    @Test
    void keyTypes_publicVectorKeys_reportedWithKeyGroupAcceptance() {
        assertThat(SigningKey.fromPem(resource("aws-cli-pkcs1.pem")).isAcceptedByKeyGroups()).isTrue();
        SigningKey ruby = SigningKey.fromPem(resource("ruby-sdk-rsa1024-pkcs1.pem"));
        assertThat(ruby.keyType()).isEqualTo(dev.cfsign.keys.KeyType.RSA_1024);
        assertThat(ruby.isAcceptedByKeyGroups()).isFalse();
    }
}
