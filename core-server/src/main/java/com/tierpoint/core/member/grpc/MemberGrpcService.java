package com.tierpoint.core.member.grpc;

import com.tierpoint.core.grpc.AnswersInline;
import com.tierpoint.core.grpc.GrpcWorkers;
import com.tierpoint.core.grpc.Protos;
import com.tierpoint.core.member.application.EnrollingMember;
import com.tierpoint.core.member.application.FindingMembers;
import com.tierpoint.core.member.application.MemberView;
import com.tierpoint.core.member.application.ReadingMember;
import com.tierpoint.core.member.application.SettingMemberPhone;
import com.tierpoint.core.member.application.TierProgressView;
import com.tierpoint.core.points.model.ExpiringPoints;
import com.tierpoint.core.program.application.ProgramStore;
import com.tierpoint.core.program.grpc.ProgramProtos;
import com.tierpoint.core.program.model.Program;
import com.tierpoint.core.program.model.TierDefinition;
import com.tierpoint.proto.v1.EnrollMemberRequest;
import com.tierpoint.proto.v1.EnrollMemberResponse;
import com.tierpoint.proto.v1.FindMembersRequest;
import com.tierpoint.proto.v1.FindMembersResponse;
import com.tierpoint.proto.v1.GetMemberRequest;
import com.tierpoint.proto.v1.GetTierProgressRequest;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.MemberRef;
import com.tierpoint.proto.v1.MemberServiceGrpc;
import com.tierpoint.proto.v1.MetricProgress;
import com.tierpoint.proto.v1.ResolveUnionidsRequest;
import com.tierpoint.proto.v1.ResolveUnionidsResponse;
import com.tierpoint.proto.v1.Retention;
import com.tierpoint.proto.v1.SetMemberPhoneRequest;
import com.tierpoint.proto.v1.TierProgress;
import com.tierpoint.proto.v1.TierSummary;
import com.tierpoint.proto.v1.UnionidMembers;
import com.tierpoint.proto.v1.WeChatIdentity;
import io.grpc.stub.StreamObserver;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
public class MemberGrpcService extends MemberServiceGrpc.MemberServiceImplBase implements AnswersInline {

    private static final String GET_MEMBER =
            MemberServiceGrpc.getGetMemberMethod().getFullMethodName();
    /** Members whose last answer from memory is kept (a few hundred bytes each). */
    static final int HELD_ANSWERS = 10_000;

    private final EnrollingMember enrolling;
    private final ReadingMember reading;
    private final SettingMemberPhone settingPhone;
    private final FindingMembers finding;
    private final ProgramStore programs;
    private final GrpcWorkers workers;
    private final HeldAnswers heldAnswers = new HeldAnswers(HELD_ANSWERS);

    MemberGrpcService(
            EnrollingMember enrolling,
            ReadingMember reading,
            SettingMemberPhone settingPhone,
            FindingMembers finding,
            ProgramStore programs,
            GrpcWorkers workers) {
        this.enrolling = enrolling;
        this.reading = reading;
        this.settingPhone = settingPhone;
        this.finding = finding;
        this.programs = programs;
        this.workers = workers;
    }

    @Override
    public void setMemberPhone(SetMemberPhoneRequest request, StreamObserver<Member> out) {
        long memberId = settingPhone.setPhone(
                Protos.key(request.getIdempotencyKey()),
                new SettingMemberPhone.Command(request.getMemberId(), request.getPhone()));
        MemberView view = reading.member(new ReadingMember.Query(String.valueOf(memberId), null, null));
        out.onNext(toProto(view, programs.current()));
        out.onCompleted();
    }

    @Override
    public void findMembers(FindMembersRequest request, StreamObserver<FindMembersResponse> out) {
        FindingMembers.Query q =
                switch (request.getByCase()) {
                    case MEMBER_ID -> new FindingMembers.Query(request.getMemberId(), null, null, null, null);
                    case PHONE -> new FindingMembers.Query(null, request.getPhone(), null, null, null);
                    case IDENTITY ->
                        new FindingMembers.Query(
                                null,
                                null,
                                request.getIdentity().getAppId(),
                                request.getIdentity().getOpenid(),
                                null);
                    case UNIONID -> new FindingMembers.Query(null, null, null, null, request.getUnionid());
                    case BY_NOT_SET -> new FindingMembers.Query(null, null, null, null, null);
                };
        FindingMembers.Found found = finding.find(q);
        Program program = programs.current();
        FindMembersResponse.Builder b = FindMembersResponse.newBuilder().setTruncated(found.truncated());
        found.members().forEach(m -> b.addMembers(toProto(m, program)));
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void resolveUnionids(ResolveUnionidsRequest request, StreamObserver<ResolveUnionidsResponse> out) {
        ResolveUnionidsResponse.Builder b = ResolveUnionidsResponse.newBuilder();
        finding.resolveUnionids(request.getUnionidsList())
                .forEach((unionid, ids) -> b.addResolved(UnionidMembers.newBuilder()
                        .setUnionid(unionid)
                        .addAllMemberIds(ids.stream().map(String::valueOf).toList())));
        out.onNext(b.build());
        out.onCompleted();
    }

    @Override
    public void enrollMember(EnrollMemberRequest request, StreamObserver<EnrollMemberResponse> out) {
        WeChatIdentity id = request.getIdentity();
        EnrollingMember.Result result = enrolling.enroll(
                Protos.key(request.getIdempotencyKey()),
                new EnrollingMember.Command(
                        id.getAppId(),
                        id.getOpenid(),
                        id.getUnionid(),
                        request.getNickname(),
                        request.getBirthday(),
                        request.getInviteCode()));
        MemberView view = reading.member(new ReadingMember.Query(String.valueOf(result.memberId()), null, null));
        EnrollMemberResponse.Builder response = EnrollMemberResponse.newBuilder()
                .setMember(toProto(view, programs.current()))
                .setCreated(result.created());
        if (result.invitationId() != null) {
            response.setInvitationId(result.invitationId());
        }
        if (result.inviteRejectionReason() != null) {
            response.setInviteRejectionReason(result.inviteRejectionReason());
        }
        out.onNext(response.build());
        out.onCompleted();
    }

    @Override
    public void getMember(GetMemberRequest request, StreamObserver<Member> out) {
        ReadingMember.Query q = query(request.getMember());
        Optional<Program> program = programs.currentIfHeld();
        Optional<MemberView> held = program.flatMap(p -> reading.memberIfHeld(q, p));
        if (held.isPresent()) {
            // on the transport thread: the view and the program are in memory
            answer(out, heldAnswers.of(held.get(), program.get()));
            return;
        }
        workers.answer(out, GET_MEMBER, () -> answer(out, toProto(reading.member(q), programs.current())));
    }

    private static void answer(StreamObserver<Member> out, Member member) {
        out.onNext(member);
        out.onCompleted();
    }

    /** GetMember starts on the transport thread and answers a view held in memory there. */
    @Override
    public Set<String> inlineMethods() {
        return Set.of(GET_MEMBER);
    }

    @Override
    public void getTierProgress(GetTierProgressRequest request, StreamObserver<TierProgress> out) {
        TierProgressView p = reading.tierProgress(query(request.getMember()));
        TierProgress.Builder b = TierProgress.newBuilder().setCurrentTier(ProgramProtos.toProto(p.currentTier()));
        if (p.tierValidUntil() != null) {
            b.setTierValidUntil(Protos.timestamp(p.tierValidUntil()));
        }
        if (p.nextTier() != null) {
            b.setNextTier(ProgramProtos.toProto(p.nextTier()))
                    .setNextTierCombinator(ProgramProtos.combinator(p.nextCombinator()));
            p.nextRequirements().forEach(r -> b.addNextTierRequirements(toProto(r)));
        }
        if (p.retention() != null) {
            Retention.Builder r = Retention.newBuilder()
                    .setCombinator(ProgramProtos.combinator(p.retention().combinator()))
                    .setDeadline(Protos.timestamp(p.retention().deadline()))
                    .setMet(p.retention().met());
            p.retention().requirements().forEach(x -> r.addRequirements(toProto(x)));
            b.setRetention(r);
        }
        out.onNext(b.build());
        out.onCompleted();
    }

    private static ReadingMember.Query query(MemberRef ref) {
        return switch (ref.getRefCase()) {
            case MEMBER_ID -> new ReadingMember.Query(ref.getMemberId(), null, null);
            case IDENTITY ->
                new ReadingMember.Query(
                        null, ref.getIdentity().getAppId(), ref.getIdentity().getOpenid());
            case REF_NOT_SET -> new ReadingMember.Query(null, null, null);
        };
    }

    private static MetricProgress toProto(TierProgressView.MetricProgress m) {
        return MetricProgress.newBuilder()
                .setMetric(com.tierpoint.proto.v1.Metric.valueOf(m.metric().name()))
                .setCurrent(m.current())
                .setRequired(m.required())
                .setWindowDays(m.windowDays())
                .setMet(m.met())
                .build();
    }

    public static Member toProto(MemberView v, Program program) {
        TierDefinition tier = program.tier(v.tierCode());
        WeChatIdentity.Builder identity =
                WeChatIdentity.newBuilder().setAppId(v.appId()).setOpenid(v.openid());
        if (v.unionid() != null) {
            identity.setUnionid(v.unionid());
        }
        Member.Builder b = Member.newBuilder()
                .setMemberId(String.valueOf(v.memberId()))
                .setIdentity(identity)
                .setTier(TierSummary.newBuilder()
                        .setCode(tier.code())
                        .setName(tier.name())
                        .setRank(tier.rank()))
                .setTierSince(Protos.timestamp(v.tierSince()))
                .setPointsAvailable(v.pointsAvailable())
                .setPointsPending(v.pointsPending())
                .setGrowthValue(v.growthValue())
                .setTotalSpendFen(v.totalSpendFen())
                .setOrderCount(v.orderCount())
                .setValidInvites(v.validInvites())
                .setEnrolledAt(Protos.timestamp(v.enrolledAt()))
                .setVersion(v.version());
        if (v.nickname() != null) {
            b.setNickname(v.nickname());
        }
        if (v.birthday() != null) {
            b.setBirthday(v.birthday());
        }
        if (v.phone() != null) {
            b.setPhone(v.phone());
        }
        if (v.tierValidUntil() != null) {
            b.setTierValidUntil(Protos.timestamp(v.tierValidUntil()));
        }
        for (ExpiringPoints e : v.expiringSoonest()) {
            b.addExpiringSoonest(com.tierpoint.proto.v1.ExpiringPoints.newBuilder()
                    .setExpiresAt(Protos.timestamp(e.expiresAt()))
                    .setPoints(e.points()));
        }
        return b.build();
    }
}
