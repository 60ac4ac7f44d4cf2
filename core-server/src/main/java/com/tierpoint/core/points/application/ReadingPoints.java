package com.tierpoint.core.points.application;

import com.tierpoint.core.member.infrastructure.MemberMapper;
import com.tierpoint.core.points.infrastructure.LotMapper;
import com.tierpoint.core.points.infrastructure.LotRow;
import com.tierpoint.core.points.infrastructure.TxnLotMapper;
import com.tierpoint.core.points.infrastructure.TxnMapper;
import com.tierpoint.core.points.infrastructure.TxnRow;
import com.tierpoint.core.points.model.BalanceSummary;
import com.tierpoint.core.points.model.Draw;
import com.tierpoint.core.shared.model.InvalidArgument;
import com.tierpoint.core.shared.model.MemberId;
import com.tierpoint.core.shared.model.NotFound;
import com.tierpoint.core.shared.model.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** GetBalance and ListTransactions, straight from MySQL. */
@Service
public class ReadingPoints {

    public static final int DEFAULT_PAGE = 20;
    public static final int MAX_PAGE = 100;

    public record Page(List<TransactionView> transactions, String nextPageToken) {}

    private final MemberMapper members;
    private final LotMapper lots;
    private final TxnMapper txns;
    private final TxnLotMapper draws;
    private final Clock clock;

    ReadingPoints(MemberMapper members, LotMapper lots, TxnMapper txns, TxnLotMapper draws, Clock clock) {
        this.members = members;
        this.lots = lots;
        this.txns = txns;
        this.draws = draws;
        this.clock = clock;
    }

    public BalanceSummary balance(String memberId) {
        long id = existingMember(memberId);
        return BalanceSummary.of(lots.openLots(id).stream().map(LotRow::toLot).toList(), clock.instant());
    }

    public Page transactions(String memberId, int pageSize, String pageToken) {
        Validation v = new Validation();
        v.require(pageSize >= 0 && pageSize <= MAX_PAGE, "page_size", "must be between 0 and " + MAX_PAGE);
        v.throwIfInvalid();
        long before = Long.MAX_VALUE;
        if (pageToken != null && !pageToken.isEmpty()) {
            Long parsed = MemberId.parse(pageToken);
            if (parsed == null) {
                throw InvalidArgument.of("page_token", "is not a token from a previous page");
            }
            before = parsed;
        }
        long id = existingMember(memberId);
        int size = pageSize == 0 ? DEFAULT_PAGE : pageSize;
        List<TxnRow> rows = txns.page(id, before, size + 1);
        boolean more = rows.size() > size;
        if (more) {
            rows = rows.subList(0, size);
        }
        Map<Long, List<Draw>> drawsByTxn = new HashMap<>();
        if (!rows.isEmpty()) {
            for (TxnLotMapper.LotDrawRow d :
                    draws.drawsOf(rows.stream().map(r -> r.id).toList())) {
                drawsByTxn
                        .computeIfAbsent(d.txnId, k -> new ArrayList<>())
                        .add(new Draw(d.lotId, d.points, Instant.ofEpochMilli(d.expiresAt)));
            }
        }
        List<TransactionView> page = rows.stream()
                .map(r -> PointsLedger.view(r, drawsByTxn.getOrDefault(r.id, List.of())))
                .toList();
        return new Page(page, more ? String.valueOf(rows.get(rows.size() - 1).id) : "");
    }

    private long existingMember(String memberId) {
        Validation v = new Validation();
        v.memberId(memberId, "member_id");
        v.throwIfInvalid();
        long id = MemberId.of(memberId);
        if (members.selectById(id) == null) {
            throw new NotFound("member " + memberId);
        }
        return id;
    }
}
