package com.tierpoint.core.events.model;

/** Why the core ended an event stream (a client cancelling ends it too, without a reason). */
public enum StreamEnd {
    /** A newer Subscribe of the same consumer took over. */
    SUPERSEDED,
    /** This core instance is shutting down; subscribing again resumes elsewhere or later. */
    SHUTTING_DOWN
}
