package dev.cfsign;

import dev.cfsign.internal.ResourceMatcher;
import dev.cfsign.internal.SigningParameters;

/** Test access to the matcher with a request's own pieces. */
final class ResourceMatcherAccess {
    private ResourceMatcherAccess() {}

    static boolean matches(String pattern, ViewerRequest r) {
        return ResourceMatcher.matches(pattern, r.scheme(), r.authority(), r.rawPath(),
                SigningParameters.fromQuery(r.rawQuery().orElse(null)).remainingQuery());
    }
}
