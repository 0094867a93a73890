/** The rewriters' internals: not exported, no compatibility promise. */
package dev.cfsign.media.internal;
