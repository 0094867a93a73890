/** Loading of private and public keys in every format CloudFront users meet: PEM, DER and one-line environment values. */
package dev.cfsign.keys;
