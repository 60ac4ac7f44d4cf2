package com.tierpoint.core.events.infrastructure;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/** The one-row table holding the last assigned event sequence. */
@Mapper
public interface EventSequenceMapper {

    /** Locks the sequence for the rest of the transaction: one sequencer at a time, any instance. */
    @Select("SELECT last_seq FROM event_sequence WHERE id = 1 FOR UPDATE")
    long lockLast();

    /** The last assigned (and committed) sequence. */
    @Select("SELECT last_seq FROM event_sequence WHERE id = 1")
    long last();
}
