/** Internal implementation. Not exported; do not use any class in this package, it may change at any time. */
package dev.cfsign.internal;
