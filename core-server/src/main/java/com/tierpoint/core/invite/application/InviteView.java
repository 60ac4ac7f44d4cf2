package com.tierpoint.core.invite.application;

import java.time.Instant;

/** An invite code to share. */
public record InviteView(String code, long inviterId, Instant createdAt, Instant expiresAt) {}
