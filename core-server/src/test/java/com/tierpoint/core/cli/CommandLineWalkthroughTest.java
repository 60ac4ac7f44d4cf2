package com.tierpoint.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.util.JsonFormat;
import com.tierpoint.core.auth.ApiKeyInterceptor;
import com.tierpoint.core.auth.ApiKeys;
import com.tierpoint.core.grpc.ErrorTranslator;
import com.tierpoint.core.support.CoreTestBase;
import com.tierpoint.proto.v1.EnrollMemberResponse;
import com.tierpoint.proto.v1.Member;
import com.tierpoint.proto.v1.RecordOrderResponse;
import io.grpc.BindableService;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The README's command-line walkthrough, run against the core's services over a real port. */
class CommandLineWalkthroughTest extends CoreTestBase {

    @Autowired
    List<BindableService> services;

    @Autowired
    ApiKeys keys;

    private Server server;

    @BeforeEach
    void serveOnAPort() throws Exception {
        NettyServerBuilder b = NettyServerBuilder.forPort(0);
        for (BindableService s : services) {
            b.addService(ServerInterceptors.intercept(s, new ErrorTranslator(), new ApiKeyInterceptor(keys)));
        }
        server = b.build().start();
    }

    @AfterEach
    void stop() {
        server.shutdownNow();
    }

    @Test
    void theReadmeWalkthroughWorksAsWritten() throws Exception {
        String openid = "o_alice_" + UUID.randomUUID();
        Result enrolled = cli("enroll", "--openid", openid, "--nickname", "小美", "--birthday", "1995-05-17");
        assertThat(enrolled.code).isZero();
        EnrollMemberResponse.Builder e = EnrollMemberResponse.newBuilder();
        JsonFormat.parser().merge(enrolled.out, e);
        String m = e.getMember().getMemberId();
        String order = "SO-" + UUID.randomUUID();

        assertThat(cli("earn", "--member", m, "--points", "200", "--reason", "评价奖励").code)
                .isZero();
        Result paid = cli("order", "--order", order, "--member", m, "--amount-fen", "120000", "--status", "PAID");
        RecordOrderResponse.Builder o = RecordOrderResponse.newBuilder();
        JsonFormat.parser().merge(paid.out, o);
        assertThat(o.getPointsGranted()).isEqualTo(1200);
        assertThat(o.getTier().getCode()).isEqualTo("SILVER");
        assertThat(cli("redeem", "--member", m, "--points", "150", "--reason", "兑换10元券").code)
                .isZero();
        assertThat(cli("progress", "--member", m).out).contains("\"nextTier\"", "GOLD");
        assertThat(cli("history", "--member", m).out).contains("REDEEM", "兑换10元券", "订单消费");
        Result refund = cli(
                "order",
                "--order",
                order,
                "--member",
                m,
                "--amount-fen",
                "120000",
                "--status",
                "PARTIALLY_REFUNDED",
                "--refunded-fen",
                "60000");
        assertThat(refund.err).isEmpty();
        assertThat(refund.out).contains("\"pointsReversed\": \"600\"");

        Member.Builder member = Member.newBuilder();
        JsonFormat.parser().merge(cli("member", "--member", m).out, member);
        assertThat(member.getPointsAvailable()).isEqualTo(200 + 1200 - 150 - 600);
        assertThat(member.getGrowthValue()).isEqualTo(600);

        Result overdraw = cli("redeem", "--member", m, "--points", "999999", "--reason", "试试");
        assertThat(overdraw.code).isEqualTo(1);
        assertThat(overdraw.err).contains("FAILED_PRECONDITION", "INSUFFICIENT_POINTS");
        Result invalid = cli("earn", "--member", m, "--points", "-5", "--reason", "");
        assertThat(invalid.code).isEqualTo(1);
        assertThat(invalid.err).contains("INVALID_ARGUMENT", "points: must be positive", "reason: is required");
    }

    @Test
    void aWrongKeyIsUnauthenticatedAndBadUsageExitsTwo() {
        Result r = cli("member", "--member", "1", "--api-key", "nope");
        assertThat(r.code).isEqualTo(1);
        assertThat(r.err).contains("UNAUTHENTICATED");
        assertThat(cli("earn", "--member").code).isEqualTo(2);
    }

    @Test
    void hashKeyPrintsTheSha256ToConfigure() {
        Result r = run("hash-key", "s3cret");
        assertThat(r.out.trim()).isEqualTo(ApiKeys.sha256("s3cret")).hasSize(64);
    }

    private Result cli(String... args) {
        String[] full = new String[args.length + 4];
        System.arraycopy(args, 0, full, 0, args.length);
        boolean hasKey = List.of(args).contains("--api-key");
        full[args.length] = "--target";
        full[args.length + 1] = "127.0.0.1:" + server.getPort();
        full[args.length + 2] = hasKey ? "--idempotency-key" : "--api-key";
        full[args.length + 3] = hasKey ? UUID.randomUUID().toString() : ADMIN_KEY;
        return run(full);
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TierpointCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Result(int code, String out, String err) {}
}
