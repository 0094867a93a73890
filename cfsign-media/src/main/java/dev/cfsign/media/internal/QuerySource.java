package dev.cfsign.media.internal;

/** The signing query for one absolute URL a manifest refers to, or null to leave that URL as it is. */
@FunctionalInterface
public interface QuerySource {
    String queryFor(String absoluteUrl);
}
