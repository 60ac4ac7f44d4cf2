package com.tierpoint.core.shared.model;

/** The thing the request is about does not exist. */
public final class NotFound extends DomainException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
