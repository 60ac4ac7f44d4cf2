package com.tierpoint.core.engagement.grpc;

import com.tierpoint.core.engagement.application.ChangingMemberGroups;
import com.tierpoint.core.engagement.application.CheckingIn;
import com.tierpoint.core.engagement.application.ListingGroupMembers;
import com.tierpoint.core.engagement.application.MemberGroups;
import com.tierpoint.core.engagement.application.ReadingCheckIns;
import com.tierpoint.core.engagement.application.ReadingLeaderboard;
import com.tierpoint.core.engagement.model.CheckIn;
import com.tierpoint.core.engagement.model.Reward;
import com.tierpoint.core.grpc.Protos;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.proto.v1.CheckInCalendar;
import com.tierpoint.proto.v1.CheckInDay;
import com.tierpoint.proto.v1.CheckInRequest;
import com.tierpoint.proto.v1.CheckInResponse;
import com.tierpoint.proto.v1.CheckInReward;
import com.tierpoint.proto.v1.EngagementServiceGrpc;
import com.tierpoint.proto.v1.GetCheckInCalendarRequest;
import com.tierpoint.proto.v1.GetLeaderboardRequest;
import com.tierpoint.proto.v1.GroupMember;
import com.tierpoint.proto.v1.Leaderboard;
import com.tierpoint.proto.v1.LeaderboardEntry;
import com.tierpoint.proto.v1.ListGroupMembersRequest;
import com.tierpoint.proto.v1.ListGroupMembersResponse;
import com.tierpoint.proto.v1.ListMemberGroupsRequest;
import com.tierpoint.proto.v1.SetMemberGroupsRequest;
import com.tierpoint.proto.v1.TierSummary;
import io.grpc.stub.StreamObserver;
import org.springframework.stereotype.Component;

@Component
class EngagementGrpcService extends EngagementServiceGrpc.EngagementServiceImplBase {

    private final CheckingIn checkingIn;
    private final ReadingCheckIns checkIns;
    private final ReadingLeaderboard leaderboards;
    private final ChangingMemberGroups groups;
    private final ListingGroupMembers groupMembers;
    private final ProgramStore programs;

    EngagementGrpcService(
            CheckingIn checkingIn,
            ReadingCheckIns checkIns,
            ReadingLeaderboard leaderboards,
            ChangingMemberGroups groups,
            ListingGroupMembers groupMembers,
            ProgramStore programs) {
        this.checkingIn = checkingIn;
        this.checkIns = checkIns;
        this.leaderboards = leaderboards;
        this.groups = groups;
        this.groupMembers = groupMembers;
        this.programs = programs;
    }

    @Override
    public void listGroupMembers(ListGroupMembersRequest r, StreamObserver<ListGroupMembersResponse> out) {
        ListingGroupMembers.Page page =
                groupMembers.list(new ListingGroupMembers.Query(r.getGroupId(), r.getPageSize(), r.getPageToken()));
        Program program = programs.current();
        ListGroupMembersResponse.Builder b =
                ListGroupMembersResponse.newBuilder().setNextPageToken(page.nextPageToken());
        for (ListingGroupMembers.Entry e : page.members()) {
            TierDefinition tier = program.tier(e.member().tierCode());
            GroupMember.Builder m = GroupMember.newBuilder()
                    .setMemberId(String.valueOf(e.member().memberId()))
                    .setTier(TierSummary.newBuilder()
                            .setCode(tier.code())
                            .setName(tier.name())
                            .setRank(tier.rank()))
                    .setPointsAvailable(e.member().pointsAvailable())
                    .setJoinedAt(Protos.timestamp(e.joinedAt()));
            if (e.member().nickname() != null) {
                m.setNickname(e.member().nickname());
            }
            b.addMembers(m);
        }
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void checkIn(CheckInRequest r, StreamObserver<CheckInResponse> out) {
        CheckingIn.Result result =
                checkingIn.checkIn(Protos.key(r.getIdempotencyKey()), new CheckingIn.Command(r.getMemberId()));
        CheckIn c = result.checkIn();
        CheckInResponse.Builder b = CheckInResponse.newBuilder()
                .setDay(c.day().toString())
                .setStreak(c.streak())
                .setPoints(c.points())
                .setGrowth(c.growth())
                .setAlreadyCheckedIn(result.alreadyCheckedIn())
                .setNextReward(toProto(result.next()))
                .setCheckedInAt(Protos.timestamp(c.checkedInAt()));
        if (c.earnTransactionId() != null) {
            b.setTransactionId(String.valueOf(c.earnTransactionId()));
        }
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void getCheckInCalendar(GetCheckInCalendarRequest r, StreamObserver<CheckInCalendar> out) {
        ReadingCheckIns.Calendar c = checkIns.calendar(new ReadingCheckIns.Query(r.getMemberId(), r.getMonth()));
        CheckInCalendar.Builder b = CheckInCalendar.newBuilder()
                .setMonth(c.month().toString())
                .setCurrentStreak(c.currentStreak())
                .setCheckedInToday(c.checkedInToday())
                .setToday(c.today().toString())
                .setCheckInEnabled(c.enabled());
        for (CheckIn d : c.days()) {
            b.addDays(CheckInDay.newBuilder()
                    .setDay(d.day().toString())
                    .setStreak(d.streak())
                    .setPoints(d.points())
                    .setGrowth(d.growth())
                    .setCheckedInAt(Protos.timestamp(d.checkedInAt())));
        }
        if (c.next() != null) {
            b.setNextReward(toProto(c.next()));
        }
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void getLeaderboard(GetLeaderboardRequest r, StreamObserver<Leaderboard> out) {
        ReadingLeaderboard.Board board = leaderboards.read(
                new ReadingLeaderboard.Query(r.getMonth(), r.getGroupId(), r.getTopN(), r.getMemberId()));
        Leaderboard.Builder b = Leaderboard.newBuilder().setMonth(board.month().toString());
        if (board.groupId() != null) {
            b.setGroupId(board.groupId());
        }
        board.entries().forEach(e -> b.addEntries(toProto(e)));
        if (board.own() != null) {
            b.setOwn(toProto(board.own()));
        }
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void setMemberGroups(SetMemberGroupsRequest r, StreamObserver<com.tierpoint.proto.v1.MemberGroups> out) {
        MemberGroups result = groups.change(
                Protos.key(r.getIdempotencyKey()),
                new ChangingMemberGroups.Command(r.getMemberId(), r.getAddGroupIdsList(), r.getRemoveGroupIdsList()));
        out.onNext(toProto(result));
        out.onCompleted();
    }

    @Override
    public void listMemberGroups(ListMemberGroupsRequest r, StreamObserver<com.tierpoint.proto.v1.MemberGroups> out) {
        out.onNext(toProto(groups.list(r.getMemberId())));
        out.onCompleted();
    }

    private static CheckInReward toProto(Reward r) {
        return CheckInReward.newBuilder()
                .setDay(r.day().toString())
                .setStreak(r.streak())
                .setPoints(r.points())
                .setGrowth(r.growth())
                .build();
    }

    private static LeaderboardEntry toProto(ReadingLeaderboard.Entry e) {
        return LeaderboardEntry.newBuilder()
                .setRank(e.rank())
                .setMemberId(String.valueOf(e.memberId()))
                .setNickname(e.nickname())
                .setPoints(e.points())
                .build();
    }

    private static com.tierpoint.proto.v1.MemberGroups toProto(MemberGroups g) {
        return com.tierpoint.proto.v1.MemberGroups.newBuilder()
                .setMemberId(String.valueOf(g.memberId()))
                .addAllGroupIds(g.groupIds())
                .build();
    }
}
