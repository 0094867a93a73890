/** CloudFront signed URLs and cookies: keys, policies, signing and verification. JDK only. */
module dev.cfsign {
    exports dev.cfsign;
    exports dev.cfsign.keys;
}
