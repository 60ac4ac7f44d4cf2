package com.tierpoint.core.points.infrastructure;

import com.baomidou.mybatisplus.annotation.TableName;

/** How many points one ledger line moved out of, or back into, one lot. */
@TableName("points_txn_lot")
public class TxnLotRow {
    public Long txnId;
    public Long lotId;
    public Long points;

    public TxnLotRow() {}

    public TxnLotRow(long txnId, long lotId, long points) {
        this.txnId = txnId;
        this.lotId = lotId;
        this.points = points;
    }
}
