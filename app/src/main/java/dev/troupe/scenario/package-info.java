/**
 * {@code troupe scenario}: the failure cases the seed's post reasons about, run for real. Each
 * service in a process of its own, one of them stopped, killed or cut off while registrations come
 * in, then the outcome counted from the databases, the broker and the captured mail, in the seed's
 * flow and in Troupe's. A part every process shares, so it knows no service but by name.
 */
package dev.troupe.scenario;
