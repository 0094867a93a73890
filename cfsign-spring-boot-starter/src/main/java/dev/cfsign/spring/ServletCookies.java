package dev.cfsign.spring;

import dev.cfsign.CookieAttributes;
import dev.cfsign.SignedCookies;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Writes signed cookies to a Servlet response (Spring MVC), one {@code Set-Cookie} header each, rendered by core's
 * {@link SignedCookies#toSetCookieHeaders(CookieAttributes)}.
 *
 * @since 0.1
 */
public final class ServletCookies {
    private ServletCookies() {}

    /** Adds the cookies with {@link CookieAttributes#defaults()}: {@code Path=/; Secure; HttpOnly}, session cookies. */
    public static void addTo(HttpServletResponse response, SignedCookies cookies) {
        addTo(response, cookies, CookieAttributes.defaults());
    }

    /** Adds the cookies with the given attributes (e.g. {@code domain("example.com")} for a CDN subdomain). */
    public static void addTo(HttpServletResponse response, SignedCookies cookies, CookieAttributes attributes) {
        for (String header : cookies.toSetCookieHeaders(attributes)) {
            response.addHeader("Set-Cookie", header);
        }
    }
}
