package dev.troupe.web;

import java.io.IOException;

/** A request body grew past the limit while being read (no or a false Content-Length). */
class PayloadTooLargeException extends IOException {

    PayloadTooLargeException(long limit) {
        super("Request body larger than " + limit + " bytes");
    }
}
