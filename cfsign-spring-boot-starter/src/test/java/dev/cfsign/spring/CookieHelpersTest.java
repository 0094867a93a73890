package dev.cfsign.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.cfsign.CloudFrontSigner;
import dev.cfsign.CookieAttributes;
import dev.cfsign.SignedCookies;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.MockHttpServletResponse;

/** The Servlet and WebFlux helpers write what core renders; Spring's own cookie rendering is the cross-check. */
class CookieHelpersTest {
    private static final CloudFrontSigner SIGNER = CloudFrontSigner.builder().keyPairId(TestKeys.ID)
            .signingKey(TestKeys.KEY).build();
    private final SignedCookies cookies = new CloudFrontLinks(SIGNER, Duration.ofMinutes(5))
            .signCookies("https://cdn.example.com/videos/*");

    @Test
    void servletResponseGetsCoresSetCookieHeaders() {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ServletCookies.addTo(response, cookies);
        assertThat(response.getHeaders("Set-Cookie")).isEqualTo(cookies.toSetCookieHeaders());
        assertThat(response.getHeaders("Set-Cookie")).allSatisfy(h -> assertThat(h).endsWith("; Path=/; Secure; HttpOnly"));
    }

    @Test
    void responseCookiesCarryTheSameAttributesAsCore() {
        for (CookieAttributes attributes : List.of(CookieAttributes.defaults(), CookieAttributes.builder()
                .domain("example.com").path("/videos").sameSite(CookieAttributes.SameSite.STRICT)
                .maxAge(Duration.ofMinutes(10)).build(), CookieAttributes.builder().secure(false).httpOnly(false).build())) {
            List<ResponseCookie> spring = WebFluxCookies.toResponseCookies(cookies, attributes);
            List<String> core = cookies.toSetCookieHeaders(attributes);
            assertThat(spring).hasSameSizeAs(core);
            for (int i = 0; i < core.size(); i++) {
                assertThat(parts(spring.get(i).toString())).as(attributes.toString()).isEqualTo(parts(core.get(i)));
            }
        }
    }

    @Test
    void webFluxResponseGetsTheCookies() {
        MockServerHttpResponse response = new MockServerHttpResponse();
        WebFluxCookies.addTo(response, cookies);
        assertThat(response.getCookies().keySet()).containsExactlyElementsOf(cookies.asMap().keySet());
        cookies.asMap().forEach((name, value) -> assertThat(response.getCookies().getFirst(name).getValue()).isEqualTo(value));
    }

    /** A Set-Cookie value as a set of its parts, without {@code Expires} (Spring adds it next to Max-Age). */
    private static Set<String> parts(String setCookie) {
        return Arrays.stream(setCookie.split("; ")).filter(p -> !p.startsWith("Expires=")).collect(Collectors.toSet());
    }
}
