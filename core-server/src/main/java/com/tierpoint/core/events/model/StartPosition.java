package com.tierpoint.core.events.model;

/** Where a consumer subscribing for the first time starts; a known consumer resumes after its offset. */
public enum StartPosition {
    /** From the oldest event still retained. */
    EARLIEST,
    /** After the newest sequenced event: only what happens from now on. */
    LATEST
}
