package com.tierpoint.core.events;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

@TableName("outbox_event")
public class OutboxRow {
    @TableId(type = IdType.INPUT)
    public Long id;

    public Long memberId;
    public Long memberVersion;
    public String eventType;
    public String payload;
    public Long createdAt;
    /** Position in the event stream; null until the sequencer has assigned it after commit. */
    public Long seq;
}
