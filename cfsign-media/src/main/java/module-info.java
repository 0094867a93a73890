/** Signed streaming for CloudFront: HLS playlists and DASH MPDs whose URIs carry signatures. JDK only. */
module dev.cfsign.media {
    requires transitive dev.cfsign;

    exports dev.cfsign.media;
}
