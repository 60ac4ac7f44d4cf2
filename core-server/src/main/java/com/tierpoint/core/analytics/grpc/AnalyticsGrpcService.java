package com.tierpoint.core.analytics.grpc;

import com.tierpoint.core.analytics.application.Dashboard;
import com.tierpoint.core.analytics.application.ReadingDashboard;
import com.tierpoint.core.grpc.Protos;
import com.tierpoint.proto.v1.AnalyticsServiceGrpc;
import com.tierpoint.proto.v1.DashboardDay;
import com.tierpoint.proto.v1.DashboardSnapshot;
import com.tierpoint.proto.v1.DashboardTotals;
import com.tierpoint.proto.v1.GetDashboardRequest;
import com.tierpoint.proto.v1.TierCount;
import com.tierpoint.proto.v1.TierMove;
import io.grpc.stub.StreamObserver;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class AnalyticsGrpcService extends AnalyticsServiceGrpc.AnalyticsServiceImplBase {

    private final ReadingDashboard reading;

    AnalyticsGrpcService(ReadingDashboard reading) {
        this.reading = reading;
    }

    @Override
    public void getDashboard(GetDashboardRequest r, StreamObserver<com.tierpoint.proto.v1.Dashboard> out) {
        Dashboard d = reading.dashboard(r.getFromDay(), r.getToDay());
        com.tierpoint.proto.v1.Dashboard.Builder b = com.tierpoint.proto.v1.Dashboard.newBuilder()
                .setFromDay(d.from().toString())
                .setToDay(d.to().toString())
                .setCurrent(DashboardSnapshot.newBuilder()
                        .setMembersTotal(d.current().membersTotal())
                        .setPointsOutstanding(d.current().pointsOutstanding())
                        .addAllMembersPerTier(tiers(d.current().membersPerTier())));
        if (d.asOf() != null) {
            b.setAsOf(Protos.timestamp(d.asOf()));
        }
        if (d.coveredFrom() != null) {
            b.setCoveredFromDay(d.coveredFrom().toString());
        }
        DashboardTotals.Builder t = DashboardTotals.newBuilder();
        for (Dashboard.Day day : d.days()) {
            b.addDays(toProto(day));
            t.setPointsIssued(t.getPointsIssued() + day.pointsIssued())
                    .setPointsRedeemed(t.getPointsRedeemed() + day.pointsRedeemed())
                    .setPointsExpired(t.getPointsExpired() + day.pointsExpired())
                    .setPointsReversed(t.getPointsReversed() + day.pointsReversed())
                    .setPointsReturned(t.getPointsReturned() + day.pointsReturned())
                    .setMembersEnrolled(t.getMembersEnrolled() + day.membersEnrolled())
                    .setCheckIns(t.getCheckIns() + day.checkIns())
                    .setActiveMemberDays(t.getActiveMemberDays() + day.activeMembers())
                    .setInvitesCreated(t.getInvitesCreated() + day.invitesCreated())
                    .setInvitesAccepted(t.getInvitesAccepted() + day.invitesAccepted())
                    .setInvitesFirstOrder(t.getInvitesFirstOrder() + day.invitesFirstOrder())
                    .setInvitesCompleted(t.getInvitesCompleted() + day.invitesCompleted())
                    .setTierUpgrades(t.getTierUpgrades() + day.tierUpgrades())
                    .setTierDowngrades(t.getTierDowngrades() + day.tierDowngrades());
        }
        t.setRedemptionRate(rate(t.getPointsRedeemed(), t.getPointsIssued()))
                .setCheckInRate(rate(t.getCheckIns(), t.getActiveMemberDays()))
                .setInviteAcceptRate(rate(t.getInvitesAccepted(), t.getInvitesCreated()))
                .setInviteFirstOrderRate(rate(t.getInvitesFirstOrder(), t.getInvitesAccepted()));
        b.setTotals(t);
        out.onNext(b.build());
        out.onCompleted();
    }

    private static DashboardDay toProto(Dashboard.Day d) {
        DashboardDay.Builder b = DashboardDay.newBuilder()
                .setDay(d.day().toString())
                .setPointsIssued(d.pointsIssued())
                .setPointsRedeemed(d.pointsRedeemed())
                .setPointsExpired(d.pointsExpired())
                .setPointsReversed(d.pointsReversed())
                .setPointsReturned(d.pointsReturned())
                .setPointsOperatorGranted(d.pointsOperatorGranted())
                .setPointsOperatorDeducted(d.pointsOperatorDeducted())
                .setRedemptionRate(rate(d.pointsRedeemed(), d.pointsIssued()))
                .setPointsOutstanding(d.pointsOutstanding())
                .setMembersEnrolled(d.membersEnrolled())
                .setMembersTotal(d.membersTotal())
                .setActiveMembers(d.activeMembers())
                .setCheckIns(d.checkIns())
                .setCheckInRate(rate(d.checkIns(), d.activeMembers()))
                .setInvitesCreated(d.invitesCreated())
                .setInvitesAccepted(d.invitesAccepted())
                .setInvitesFirstOrder(d.invitesFirstOrder())
                .setInvitesCompleted(d.invitesCompleted())
                .setTierUpgrades(d.tierUpgrades())
                .setTierDowngrades(d.tierDowngrades())
                .addAllMembersPerTier(tiers(d.membersPerTier()));
        for (Dashboard.Move m : d.moves()) {
            b.addTierMoves(TierMove.newBuilder()
                    .setFromTier(m.fromTier())
                    .setToTier(m.toTier())
                    .setMembers(m.members()));
        }
        return b.build();
    }

    private static List<TierCount> tiers(List<Dashboard.TierCount> counts) {
        return counts.stream()
                .map(c -> TierCount.newBuilder()
                        .setTierCode(c.tierCode())
                        .setTierName(c.tierName())
                        .setMembers(c.members())
                        .build())
                .toList();
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
