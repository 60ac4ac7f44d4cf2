package com.tierpoint.core.events.infrastructure;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

@Mapper
public interface EventConsumerMapper {

    /** Fails with a duplicate key when the consumer exists already. */
    @Insert(
            """
            INSERT INTO event_consumer (client_id, name, acked_seq, session_id, created_at, updated_at)
            VALUES (#{c.clientId}, #{c.name}, #{c.ackedSeq}, #{c.sessionId}, #{c.createdAt}, #{c.updatedAt})
            """)
    int insert(@Param("c") EventConsumerRow row);

    @Select("SELECT * FROM event_consumer WHERE client_id = #{clientId} AND name = #{name}")
    EventConsumerRow find(@Param("clientId") String clientId, @Param("name") String name);

    /** Hands the consumer to a new stream; the stream holding the old session ends itself. */
    @Update(
            """
            UPDATE event_consumer SET session_id = #{session}, updated_at = #{at}
             WHERE client_id = #{clientId} AND name = #{name}
            """)
    int takeOver(
            @Param("clientId") String clientId,
            @Param("name") String name,
            @Param("session") long session,
            @Param("at") long at);

    /** Moves the offset forward only. */
    @Update(
            """
            UPDATE event_consumer SET acked_seq = GREATEST(acked_seq, #{seq}), updated_at = #{at}
             WHERE client_id = #{clientId} AND name = #{name}
            """)
    int ack(
            @Param("clientId") String clientId,
            @Param("name") String name,
            @Param("seq") long seq,
            @Param("at") long at);
}
