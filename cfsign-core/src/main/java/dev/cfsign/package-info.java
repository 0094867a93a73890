/** Sign and verify Amazon CloudFront signed URLs and cookies. Start at {@link dev.cfsign.CloudFrontSigner#builder()}. */
package dev.cfsign;
