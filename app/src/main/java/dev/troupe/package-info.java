/** Troupe: the seed's user-management choreography, one jar, one process or one per service. */
package dev.troupe;
