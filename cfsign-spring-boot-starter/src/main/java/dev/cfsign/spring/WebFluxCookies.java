package dev.cfsign.spring;

import dev.cfsign.CookieAttributes;
import dev.cfsign.SignedCookies;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;

/**
 * Signed cookies as Spring {@link ResponseCookie}s, for WebFlux ({@link ServerHttpResponse#addCookie}) or a
 * {@code ResponseEntity}'s {@code Set-Cookie} headers.
 *
 * @since 0.1
 */
public final class WebFluxCookies {
    private WebFluxCookies() {}

    /** One {@link ResponseCookie} per signed cookie, carrying the same attributes core would write. */
    public static List<ResponseCookie> toResponseCookies(SignedCookies cookies, CookieAttributes attributes) {
        return cookies.cookies().stream().map(c -> {
            ResponseCookie.ResponseCookieBuilder b = ResponseCookie.from(c.name(), c.value())
                    .path(attributes.path()).secure(attributes.secure()).httpOnly(attributes.httpOnly());
            attributes.domain().ifPresent(b::domain);
            attributes.maxAge().ifPresent(b::maxAge);
            attributes.sameSite().ifPresent(s -> b.sameSite(s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.ROOT)));
            return b.build();
        }).toList();
    }

    /** Adds the cookies with {@link CookieAttributes#defaults()}. */
    public static void addTo(ServerHttpResponse response, SignedCookies cookies) {
        addTo(response, cookies, CookieAttributes.defaults());
    }

    public static void addTo(ServerHttpResponse response, SignedCookies cookies, CookieAttributes attributes) {
        toResponseCookies(cookies, attributes).forEach(response::addCookie);
    }
}
