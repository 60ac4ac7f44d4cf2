package com.tierpoint.core.auth;

import java.util.Map;

/** The scope each rpc needs. An rpc not listed here is refused: new rpcs must be added on purpose. */
public final class Scopes {

    public static final String MEMBERS_READ = "members:read";
    public static final String MEMBERS_WRITE = "members:write";
    public static final String POINTS_READ = "points:read";
    public static final String POINTS_WRITE = "points:write";
    public static final String ORDERS_WRITE = "orders:write";
    public static final String PROGRAM_READ = "program:read";
    public static final String PROGRAM_ADMIN = "program:admin";
    public static final String EVENTS_READ = "events:read";
    public static final String OPERATORS_READ = "operators:read";
    public static final String OPERATORS_WRITE = "operators:write";
    public static final String ANALYTICS_READ = "analytics:read";
    /** Server reflection: any authenticated client may list the services. */
    public static final String ANY = "*";

    private static final Map<String, String> BY_METHOD = Map.ofEntries(
            Map.entry("tierpoint.v1.MemberService/EnrollMember", MEMBERS_WRITE),
            Map.entry("tierpoint.v1.MemberService/GetMember", MEMBERS_READ),
            Map.entry("tierpoint.v1.MemberService/GetTierProgress", MEMBERS_READ),
            Map.entry("tierpoint.v1.MemberService/SetMemberPhone", MEMBERS_WRITE),
            Map.entry("tierpoint.v1.MemberService/FindMembers", MEMBERS_READ),
            Map.entry("tierpoint.v1.MemberService/ResolveUnionids", MEMBERS_READ),
            Map.entry("tierpoint.v1.PointsService/Earn", POINTS_WRITE),
            Map.entry("tierpoint.v1.PointsService/Redeem", POINTS_WRITE),
            Map.entry("tierpoint.v1.PointsService/Reverse", POINTS_WRITE),
            Map.entry("tierpoint.v1.PointsService/GetBalance", POINTS_READ),
            Map.entry("tierpoint.v1.PointsService/ListTransactions", POINTS_READ),
            Map.entry("tierpoint.v1.OrderService/RecordOrder", ORDERS_WRITE),
            Map.entry("tierpoint.v1.ProgramService/GetProgram", PROGRAM_READ),
            Map.entry("tierpoint.v1.ProgramService/UpdateProgram", PROGRAM_ADMIN),
            Map.entry("tierpoint.v1.EventService/Subscribe", EVENTS_READ),
            Map.entry("tierpoint.v1.EventService/Ack", EVENTS_READ),
            Map.entry("tierpoint.v1.EngagementService/CheckIn", MEMBERS_WRITE),
            Map.entry("tierpoint.v1.EngagementService/GetCheckInCalendar", MEMBERS_READ),
            Map.entry("tierpoint.v1.EngagementService/GetLeaderboard", MEMBERS_READ),
            Map.entry("tierpoint.v1.EngagementService/SetMemberGroups", MEMBERS_WRITE),
            Map.entry("tierpoint.v1.EngagementService/ListMemberGroups", MEMBERS_READ),
            Map.entry("tierpoint.v1.EngagementService/ListGroupMembers", MEMBERS_READ),
            Map.entry("tierpoint.v1.InviteService/CreateInvite", MEMBERS_WRITE),
            Map.entry("tierpoint.v1.InviteService/AcceptInvite", MEMBERS_WRITE),
            Map.entry("tierpoint.v1.InviteService/ListInvites", MEMBERS_READ),
            Map.entry("tierpoint.v1.OperatorService/GetOperator", OPERATORS_READ),
            Map.entry("tierpoint.v1.OperatorService/ListOperators", OPERATORS_READ),
            Map.entry("tierpoint.v1.OperatorService/ListAudit", OPERATORS_READ),
            Map.entry("tierpoint.v1.OperatorService/SetOperator", OPERATORS_WRITE),
            Map.entry("tierpoint.v1.OperatorService/AdjustPoints", OPERATORS_WRITE),
            Map.entry("tierpoint.v1.OperatorService/RecordAudit", OPERATORS_WRITE),
            Map.entry("tierpoint.v1.AnalyticsService/GetDashboard", ANALYTICS_READ),
            Map.entry("grpc.reflection.v1.ServerReflection/ServerReflectionInfo", ANY),
            Map.entry("grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", ANY));

    private Scopes() {}

    /** The scope a method needs, or null when the method is not open to clients at all. */
    public static String requiredFor(String fullMethodName) {
        return BY_METHOD.get(fullMethodName);
    }

    /** Holding program:admin implies program:read; writes imply their reads. */
    public static boolean satisfied(Caller caller, String required) {
        if (ANY.equals(required)) {
            return true;
        }
        return caller.may(required)
                || (PROGRAM_READ.equals(required) && caller.may(PROGRAM_ADMIN))
                || (MEMBERS_READ.equals(required) && caller.may(MEMBERS_WRITE))
                || (POINTS_READ.equals(required) && caller.may(POINTS_WRITE))
                || (OPERATORS_READ.equals(required) && caller.may(OPERATORS_WRITE));
    }
}
