package com.tierpoint.core.engagement.application;

import java.util.List;

/** The WeCom customer groups a member belongs to, sorted. */
public record MemberGroups(long memberId, List<String> groupIds) {}
