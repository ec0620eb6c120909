/** HTTP concerns shared by every service: RFC 9457 problem details, the body size limit. */
package dev.troupe.web;
