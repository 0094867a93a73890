/**
 * Signed streaming for CloudFront: HLS playlists and DASH MPDs rewritten so that every URI the grant covers carries a
 * signature, for players that cannot send signed cookies. Start with
 * {@link dev.cfsign.media.ManifestSigner#builder(dev.cfsign.CloudFrontSigner)}.
 */
package dev.cfsign.media;
