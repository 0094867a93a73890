/** CloudFront signed URLs and cookies: keys, policies, signing and verification. JDK only. */
// "module not found: dev.cfsign.media" when core is compiled alone: media is built after core and reads it.
@SuppressWarnings("module")
module dev.cfsign {
    exports dev.cfsign;
    exports dev.cfsign.keys;
    // The media module reads CloudFront's query parameter names from the one place they are written down.
    exports dev.cfsign.internal to dev.cfsign.media;
}
